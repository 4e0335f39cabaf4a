/**
 * The in-memory Excel host: a workbook built from 2-D arrays, an `Excel.run`-shaped `run`, and
 * inspection helpers for tests (cells, formats, conditional formats, the sync counter).
 * No Node-only APIs: the browser preview page bundles it.
 *
 * @example
 * const host = createFakeExcel({ sheets: [{ name: "Progetti", values: [["Codice", "Titolo"], ["DGH", "…"]] }] });
 * const adapter = new ExcelAdapter({ run: host.run });
 * await adapter.readSnapshot();
 * host.syncCount; // round trips so far
 */
import type { CellValue, SheetSnapshot } from "#core/snapshot/types.ts";
import { toA1 } from "#core/values/address.ts";
import { parseA1, parseRange } from "#core/values/address.ts";
import { FakeRequestQueue } from "./client-object.ts";
import { enterValue } from "./enter.ts";
import { FakeOfficeError } from "./errors.ts";
import { HOST_PROFILES, profileSupports, type HostPlatform, type HostProfile } from "./profile.ts";
import {
  changeEvent,
  findSheet,
  getCell,
  putCell,
  usedArea,
  type CellFormat,
  type Culture,
  type FakeCell,
  type FakeSheetState,
  type FakeWorkbookState,
  type Visibility,
} from "./state.ts";
import { FakeWorkbook } from "./workbook.ts";
import { CoauthorSession, LocalCoauthoring, type CoauthorTransport } from "./coauthoring.ts";

export interface SeedSheet {
  name: string;
  values: CellValue[][];
  /** "=…" formulas by A1 address; the cell keeps its seeded value as the computed result. */
  formulas?: Record<string, string>;
  merged?: string[];
  visibility?: Visibility;
  /** The user's own formats by A1 address. */
  formats?: Record<string, CellFormat>;
  /** Sheet protection on (every cell locked). */
  protected?: boolean;
}

export interface FakeExcelSeed {
  name?: string;
  sheets: SeedSheet[];
  /** "it-IT" (default) or "en-US", or a culture of your own. */
  culture?: "it-IT" | "en-US" | Culture;
  /** Fails any sync that reads or writes more cells (Excel on the web's 5 MB payload limit); default: the profile's. */
  payloadLimitCells?: number;
  /** The Excel played (platform + requirement sets); default Microsoft 365 on Windows. */
  profile?: HostProfile;
}

/** A seed sheet from a snapshot-shaped fixture (values, 2-D formulas, merged, hidden). */
export function seedFromSnapshot(sheet: SheetSnapshot): SeedSheet {
  const seed: SeedSheet = { name: sheet.name, values: sheet.values };
  if (sheet.formulas) {
    const formulas: Record<string, string> = {};
    sheet.formulas.forEach((row, r) =>
      row.forEach((f, c) => {
        if (f) formulas[toA1(r + 1, c + 1)] = f;
      }),
    );
    seed.formulas = formulas;
  }
  if (sheet.merged) seed.merged = sheet.merged;
  if (sheet.hidden === "very") seed.visibility = "VeryHidden";
  else if (sheet.hidden === true) seed.visibility = "Hidden";
  return seed;
}

const CULTURES: Record<"it-IT" | "en-US", Culture> = {
  "it-IT": { name: "it-IT", decimalSeparator: ",", groupSeparator: "." },
  "en-US": { name: "en-US", decimalSeparator: ".", groupSeparator: "," },
};

/** The request context handed to `run`'s batch. */
export class FakeRequestContext {
  readonly workbook: FakeWorkbook;
  readonly #queue: FakeRequestQueue;
  constructor(queue: FakeRequestQueue) {
    this.#queue = queue;
    this.workbook = new FakeWorkbook(queue);
  }
  sync(): Promise<void> {
    return this.#queue.sync();
  }
  /** @internal Operations still queued (Excel.run flushes them when the batch ends). */
  get pendingOperations(): number {
    return this.#queue.pending;
  }
}

export class FakeExcelHost {
  readonly state: FakeWorkbookState;

  constructor(seed: FakeExcelSeed) {
    const culture = typeof seed.culture === "object" ? seed.culture : CULTURES[seed.culture ?? "it-IT"];
    const profile: HostProfile = seed.profile ?? HOST_PROFILES.desktop365;
    this.state = {
      name: seed.name ?? "Book1.xlsx",
      profile,
      batchWrittenCells: 0,
      sheets: [],
      names: new Map(),
      settings: new Map(),
      culture,
      syncCount: 0,
      calcSuspensions: 0,
      calculationSuspended: false,
      suspendedSyncs: 0,
      largestBatch: 0,
      batchCells: 0,
      largestBatchCells: 0,
      changedHandlers: new Set(),
      nextId: 0,
    };
    const limit = seed.payloadLimitCells ?? profile.payloadLimitCells;
    if (limit !== undefined) this.state.payloadLimitCells = limit;
    for (const s of seed.sheets) this.state.sheets.push(this.#buildSheet(s));
  }

  #buildSheet(seed: SeedSheet): FakeSheetState {
    this.state.nextId += 1;
    const sheet: FakeSheetState = {
      id: `{sheet-${String(this.state.nextId)}}`,
      name: seed.name,
      visibility: seed.visibility ?? "Visible",
      cells: [],
      merged: (seed.merged ?? []).map((m) => parseRange(m)),
      conditionalFormats: [],
      tables: [],
      charts: [],
    };
    if (seed.protected === true) sheet.protected = true;
    seed.values.forEach((row, r) =>
      row.forEach((v, c) => {
        // Seeds hold values as Excel stores them: "" and null are empty cells.
        if (v !== null && v !== "") putCell(sheet, r + 1, c + 1, { value: v });
      }),
    );
    for (const [a1, formula] of Object.entries(seed.formulas ?? {})) {
      const { row, col } = parseA1(a1);
      putCell(sheet, row, col, { value: getCell(sheet, row, col)?.value ?? null, formula });
    }
    for (const [a1, format] of Object.entries(seed.formats ?? {})) {
      const { row, col } = parseA1(a1);
      const existing = getCell(sheet, row, col);
      if (existing) existing.format = { ...format };
      else {
        (sheet.cells[row - 1] ??= [])[col - 1] = { value: null, format: { ...format } };
        for (let i = 0; i < row; i++) sheet.cells[i] ??= [];
      }
    }
    return sheet;
  }

  /** Same shape as `Excel.run`: a fresh context; queued work is flushed (one more sync) at the end. */
  readonly run = async <T>(batch: (context: FakeRequestContext) => Promise<T>): Promise<T> => {
    const queue = new FakeRequestQueue(this.state);
    const context = new FakeRequestContext(queue);
    const result = await batch(context);
    if (context.pendingOperations > 0) await context.sync();
    return result;
  };

  /** `Office.context.platform` of the Excel played. */
  get platform(): HostPlatform {
    return this.state.profile.platform;
  }

  /** `Office.context.requirements` of the Excel played. */
  readonly requirements = {
    isSetSupported: (name: string, minVersion?: string): boolean =>
      profileSupports(this.state.profile, name, minVersion),
  };

  get syncCount(): number {
    return this.state.syncCount;
  }

  /** Counts `context.sync()` round trips made while `fn` runs. */
  async countSyncs(fn: () => Promise<unknown>): Promise<number> {
    const before = this.state.syncCount;
    await fn();
    return this.state.syncCount - before;
  }

  sheet(name: string): FakeSheetState {
    const s = findSheet(this.state, name);
    if (!s) throw new FakeOfficeError("ItemNotFound", `No sheet ${name}`);
    return s;
  }

  cell(sheet: string, a1: string): FakeCell | undefined {
    const { row, col } = parseA1(a1);
    return getCell(this.sheet(sheet), row, col);
  }

  /** The sheet's values anchored at A1 up to its used range (empty cells null). */
  values(sheet: string): CellValue[][] {
    const s = this.sheet(sheet);
    const used = usedArea(s, true);
    if (!used) return [];
    const out: CellValue[][] = [];
    for (let r = 1; r <= used.bottom; r++) {
      const row: CellValue[] = [];
      for (let c = 1; c <= used.right; c++) row.push(getCell(s, r, c)?.value ?? null);
      out.push(row);
    }
    return out;
  }

  /**
   * The fill a cell shows through conditional formats, evaluating rules of the form
   * `=Sheet!A1=<number>` with a relative reference (the shape highlighting writes); rules of other
   * shapes are ignored. Rules are tried in priority order, as Excel does; undefined when none applies.
   */
  conditionalFill(sheet: string, a1: string): string | undefined {
    const s = this.sheet(sheet);
    const { row, col } = parseA1(a1);
    for (const cf of s.conditionalFormats) {
      if (row < cf.area.top || row > cf.area.bottom || col < cf.area.left || col > cf.area.right) continue;
      const m = /^=(.+)!([A-Z]{1,3}\d+)=(-?\d+(?:\.\d+)?)$/.exec(cf.formula);
      if (!m) continue;
      const target = findSheet(this.state, (m[1] ?? "").replace(/^'(.*)'$/, "$1").replaceAll("''", "'"));
      if (!target) continue;
      const ref = parseA1(m[2] ?? "A1");
      const v = getCell(target, ref.row + (row - cf.area.top), ref.col + (col - cf.area.left))?.value;
      if (v === Number(m[3])) return cf.fill;
    }
    return undefined;
  }

  /** Plays the user typing `value` into a cell, then fires `worksheets.onChanged` like Excel. */
  async edit(sheet: string, a1: string, value: CellValue): Promise<void> {
    const s = this.sheet(sheet);
    const { row, col } = parseA1(a1);
    putCell(s, row, col, value === null ? undefined : enterValue(value, this.state.culture));
    this.state.coauthor?.publish([{ worksheetId: s.id, address: a1 }]);
    // A person's edit: Excel reports no add-in as its trigger.
    const event = changeEvent(this.state, s, a1, "Unknown");
    await Promise.all([...this.state.changedHandlers].map(async (h) => h(event)));
  }

  /**
   * Joins this session to a co-authored workbook as `author`: its writes reach the other
   * sessions through `transport`, theirs arrive as `source: "Remote"` changes (coauthoring.ts).
   * `series` (4 hex digits) keeps the ids this session mints apart from the others'.
   */
  coauthor(author: string, transport: CoauthorTransport, series: string, now?: () => number): CoauthorSession {
    this.state.idSeries = series;
    const session = new CoauthorSession(this.state, author, transport, now);
    this.state.coauthor = session;
    return session;
  }
}

export interface CoauthoredExcel {
  /** One host per author, in the order of `authors`. */
  sessions: FakeExcelHost[];
  /** Carries the sessions' batches; `deliver()` when `delayMs` was not given, `settled()` otherwise. */
  link: LocalCoauthoring;
}

/**
 * One workbook open in several sessions at once, as coauthors with AutoSave: each session's
 * writes reach the others `delayMs` later (or at `link.deliver()` when undefined).
 */
export function createCoauthoredExcel(
  seed: FakeExcelSeed,
  options: { authors?: readonly string[]; delayMs?: number } = {},
): CoauthoredExcel {
  const link = new LocalCoauthoring(options.delayMs);
  const authors = options.authors ?? ["A", "B"];
  const sessions = authors.map((author, i) => {
    const host = new FakeExcelHost(seed);
    host.coauthor(author, link.transport(author), (0x8100 + i).toString(16));
    return host;
  });
  return { sessions, link };
}

/** A fake Excel host seeded with sheets. */
export function createFakeExcel(seed: FakeExcelSeed): FakeExcelHost {
  return new FakeExcelHost(seed);
}
