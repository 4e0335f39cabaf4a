/**
 * Worksheet change events, minus the add-in's own writes. Excel reports every write through the
 * API as a change, ours included: the marker sheets highlighting rewrites, the sync sheet, values
 * a pull writes. Left in, highlighting would trigger re-validation, which highlights again … so
 * events are dropped when they come from one of our internal sheets, or land on cells we were
 * writing (while the write runs and for a short window after, since Excel delivers them late).
 * From ExcelApi 1.14 Excel says who caused a change (`triggerSource`: "ThisLocalAddin" for this
 * add-in's API writes): where the adapter knows the set is supported, that decides alone, so a
 * user's edit on a cell we have just written is never lost to the window.
 */
import { debounce } from "#addin/shared/debounce.ts";
import { tryParseRange, type CellRange } from "#core/values/address.ts";
import { SYNC_SHEET_NAME } from "#core/sync/sync-sheet.ts";
import type { ExcelRun, WorksheetChangedLike } from "./api.ts";
import { isInternalSheetName } from "./internal-sheets.ts";

/** A registered change watch; `dispose` unregisters the handler. */
export interface ChangeWatch {
  dispose(): Promise<void>;
}

/** How long after our own write its change events are still expected (Excel posts them async). */
export const OWN_WRITE_WINDOW_MS = 1_000;

interface RecentWrite {
  /** Lower-cased sheet name. */
  sheet: string;
  /** Cells written; undefined: the whole sheet (or unknown cells). */
  areas: CellRange[] | undefined;
  /** ms timestamp after which events are the user's again; Infinity while the write runs. */
  until: number;
}

function overlaps(a: CellRange, b: CellRange): boolean {
  return a.left <= b.right && b.left <= a.right && a.top <= b.bottom && b.top <= a.bottom;
}

/**
 * What the add-in is writing or just wrote, and which sheets are its own. The adapter records
 * each write around its batch; `isOwn` tells an event of ours from the user's.
 */
export class OwnWrites {
  readonly #internal = new Set<string>();
  readonly #names = new Map<string, string>();
  readonly #display = new Map<string, string>();
  #recent: RecentWrite[] = [];
  readonly #now: () => number;
  readonly #windowMs: number;
  readonly #trustTrigger: boolean;

  /**
   * @param trustTrigger the host supports ExcelApi 1.14: an event's `triggerSource` tells ours
   *   from the user's (the window is the fallback for events without it).
   */
  constructor(now: () => number = () => Date.now(), windowMs = OWN_WRITE_WINDOW_MS, trustTrigger = false) {
    this.#now = now;
    this.#windowMs = windowMs;
    this.#trustTrigger = trustTrigger;
  }

  /** Sheet ids → names (from a read), so an event's `worksheetId` can be matched to a write. */
  learnSheet(id: string, name: string, internal: boolean): void {
    this.#names.set(id, name.toLowerCase());
    this.#display.set(id, name);
    if (internal) this.#internal.add(id);
    else this.#internal.delete(id);
  }

  /**
   * Marks writes to `targets` (sheet name + A1 addresses, or undefined for "anywhere on the
   * sheet") as ours; call the returned function when the batch has settled.
   */
  begin(targets: readonly { sheet: string; a1?: readonly string[] }[]): () => void {
    const entries: RecentWrite[] = targets.map((t) => ({
      sheet: t.sheet.toLowerCase(),
      areas: t.a1?.map((a) => tryParseRange(a)).filter((r): r is CellRange => r !== undefined),
      until: Number.POSITIVE_INFINITY,
    }));
    this.#recent.push(...entries);
    return () => {
      const until = this.#now() + this.#windowMs;
      for (const e of entries) e.until = until;
    };
  }

  /** True when the event happened on one of our sheets (the sync sheet, highlight markers). */
  isInternal(event: WorksheetChangedLike): boolean {
    return this.#internal.has(event.worksheetId);
  }

  /** The sheet name an event's id was learnt under, if known. */
  sheetOf(event: WorksheetChangedLike): string | undefined {
    return this.#display.get(event.worksheetId);
  }

  /**
   * True when the event is the echo of one of our writes, or happened on one of our sheets. A
   * coauthor's change merged in (`source` "Remote") is never ours, whatever cells it touched.
   */
  isOwn(event: WorksheetChangedLike): boolean {
    if (this.#internal.has(event.worksheetId)) return true;
    if (event.source === "Remote") return false;
    if (this.#trustTrigger && event.triggerSource !== undefined) return event.triggerSource === "ThisLocalAddin";
    const now = this.#now();
    this.#recent = this.#recent.filter((w) => w.until >= now);
    const sheet = this.#names.get(event.worksheetId);
    const where = tryParseRange(event.address);
    return this.#recent.some((w) => {
      // An unknown sheet id during our write: a sheet we just created (ours).
      if (sheet === undefined) return true;
      if (w.sheet !== sheet) return false;
      if (w.areas === undefined || where === undefined) return true;
      return w.areas.some((a) => overlaps(a, where));
    });
  }
}

const loadedName = (ws: { readonly name: string }): string => ws.name;

/** The name of the sheet with Office.js id `id`, or undefined when it is gone (one round trip). */
async function sheetName(run: ExcelRun, id: string): Promise<string | undefined> {
  try {
    return await run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItemOrNullObject(id);
      ws.load("name");
      await ctx.sync();
      return ws.isNullObject ? undefined : loadedName(ws);
    });
  } catch (error) {
    // The notice then says "a sheet"; the change itself was already passed on.
    console.warn("sheetName", error);
    return undefined;
  }
}

/** What a burst of changes held: `remote` when every change in it was a coauthor's. */
export interface ChangeBurst {
  remote: boolean;
}

/** A coauthor's change as the pane is told of it: which sheet, which cells, ours or data. */
export interface RemoteChange {
  /** The sheet's name, when known from a read. */
  sheet: string | undefined;
  address: string;
  /** On the sync sheet or a highlight marker sheet (a coauthor synced or validated). */
  internal: boolean;
}

/**
 * Registers a `worksheets.onChanged` handler (one round trip) that calls `callback` once per
 * burst of edits, `debounceMs` after the last one: typing down a column refreshes once. Events
 * `own.isOwn` recognises never reach `callback`; a coauthor's changes merged in (`source`
 * "Remote") do, flagged as such, and each is also passed to `onRemote` (the sync sheet's too).
 */
export async function watchChanges(
  run: ExcelRun,
  callback: (burst: ChangeBurst) => void,
  debounceMs: number,
  own?: OwnWrites,
  onRemote?: (change: RemoteChange) => void,
): Promise<ChangeWatch> {
  let local = false;
  const fire = debounce(() => {
    const burst = { remote: !local };
    local = false;
    callback(burst);
  }, debounceMs);
  return run(async (ctx) => {
    const registration = ctx.workbook.worksheets.onChanged.add(async (event) => {
      if (event.source === "Remote" && onRemote !== undefined) {
        const internal = own?.isInternal(event) === true;
        const known = own?.sheetOf(event);
        if (known !== undefined) onRemote({ sheet: known, address: event.address, internal });
        // A sheet this add-in has not read yet: getItem takes an id as well as a name.
        else
          void sheetName(run, event.worksheetId).then((sheet) =>
            onRemote({
              sheet,
              address: event.address,
              internal: internal || (sheet !== undefined && isInternalSheetName(sheet, SYNC_SHEET_NAME)),
            }),
          );
      }
      if (own?.isOwn(event) === true) return;
      if (event.source !== "Remote") local = true;
      fire();
    });
    await ctx.sync();
    return {
      async dispose() {
        fire.cancel();
        registration.remove();
        await ctx.sync();
      },
    };
  });
}
