/**
 * Co-authoring with AutoSave in the stand-in: one workbook open as several sessions (one per
 * person, each with its own add-in), each session's writes reaching the others after a delay,
 * per cell the later write winning, as Excel merges coauthors' changes
 * (office/dev/add-ins/excel/co-authoring-in-excel-add-ins). The receiving session reports the
 * merged cells to its `worksheets.onChanged` handlers with `source: "Remote"`
 * (excel.eventsource) and, from ExcelApi 1.14, `triggerSource: "Unknown"`: the write was not this
 * local add-in's (excel.eventtriggersource).
 *
 * How: after every batch (and every typed edit) a session compares its workbook with what it last
 * sent and posts the difference, stamped (time, counter, author), to the other sessions. A
 * receiving session applies each cell, sheet, rule, name and setting only when the stamp is later
 * than the one that object last got, so every session converges to the same workbook whatever
 * the order of arrival. No Node-only APIs: the preview page bundles it and carries the batches
 * between browser pages over a BroadcastChannel.
 */
import { areaToA1 } from "#addin/excel/a1.ts";
import { tryParseRange } from "#core/values/address.ts";
import type {
  FakeCell,
  FakeChart,
  FakeConditionalFormat,
  FakeNamedItem,
  FakeSheetState,
  FakeTable,
  FakeWorkbookState,
  Visibility,
} from "./state.ts";
import { changeEvent } from "./state.ts";

/** When a write happened: later wall time wins; the counter then the author break ties. */
export type Stamp = readonly [time: number, counter: number, author: string];

export function laterStamp(a: Stamp, b: Stamp | undefined): boolean {
  if (b === undefined) return true;
  if (a[0] !== b[0]) return a[0] > b[0];
  if (a[1] !== b[1]) return a[1] > b[1];
  return a[2] > b[2];
}

interface SheetProps {
  name: string;
  visibility: Visibility;
  protected: boolean;
  index: number;
}

interface SheetExtras {
  merged: FakeSheetState["merged"];
  tables: FakeTable[];
  charts: FakeChart[];
}

/** One merged change: plain data (it crosses a BroadcastChannel). */
export type RemoteChange =
  | { kind: "cell"; sheet: string; row: number; col: number; cell: FakeCell | null }
  | { kind: "sheet"; sheet: string; props: SheetProps | null }
  | { kind: "extras"; sheet: string; extras: SheetExtras }
  | { kind: "rule"; sheet: string; id: string; rule: FakeConditionalFormat | null }
  | { kind: "name"; key: string; item: FakeNamedItem | null }
  | { kind: "setting"; key: string; value: unknown };

/** What one session's batch changed, as the others receive it. */
export interface RemoteBatch {
  author: string;
  stamp: Stamp;
  changes: RemoteChange[];
  /** Names of the sheets the changes name by id (a session that joined late knows them by name). */
  sheetNames: Record<string, string>;
}

/** How batches travel between sessions (in one process, or between browser pages). */
export interface CoauthorTransport {
  send(batch: RemoteBatch): void;
  /** Registers the receiver of the other sessions' batches. */
  listen(receive: (batch: RemoteBatch) => void): void;
}

interface SheetCopy {
  props: SheetProps;
  cells: Map<string, FakeCell>;
  rules: Map<string, FakeConditionalFormat>;
  extras: string;
}

interface WorkbookCopy {
  sheets: Map<string, SheetCopy>;
  names: Map<string, FakeNamedItem>;
  settings: Map<string, string>;
}

const clone = <T>(v: T): T => structuredClone(v);

function copySheet(s: FakeSheetState, index: number): SheetCopy {
  const cells = new Map<string, FakeCell>();
  s.cells.forEach((row, r) =>
    row.forEach((cell, c) => {
      if (cell !== undefined) cells.set(`${String(r + 1)},${String(c + 1)}`, clone(cell));
    }),
  );
  return {
    props: { name: s.name, visibility: s.visibility, protected: s.protected === true, index },
    cells,
    rules: new Map(s.conditionalFormats.map((cf) => [cf.id, clone(cf)])),
    extras: JSON.stringify({ merged: s.merged, tables: s.tables, charts: s.charts }),
  };
}

function copyWorkbook(wb: FakeWorkbookState): WorkbookCopy {
  return {
    sheets: new Map(wb.sheets.map((s, i) => [s.id, copySheet(s, i)])),
    names: new Map([...wb.names].map(([k, v]) => [k, clone(v)])),
    settings: new Map([...wb.settings].map(([k, v]) => [k, JSON.stringify(v) ?? "null"])),
  };
}

const sameJson = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

/** The changes that turn `before` into `after` (sheets by id, cells by address, rules by id). */
export function workbookChanges(before: WorkbookCopy, after: WorkbookCopy, wb: FakeWorkbookState): RemoteChange[] {
  const out: RemoteChange[] = [];
  for (const id of before.sheets.keys())
    if (!after.sheets.has(id)) out.push({ kind: "sheet", sheet: id, props: null });
  for (const [id, now] of after.sheets) {
    const was = before.sheets.get(id);
    if (!was || !sameJson(was.props, now.props)) out.push({ kind: "sheet", sheet: id, props: now.props });
    const live = wb.sheets.find((s) => s.id === id);
    if (live && (!was || was.extras !== now.extras))
      out.push({ kind: "extras", sheet: id, extras: { merged: clone(live.merged), tables: clone(live.tables), charts: clone(live.charts) } });
    const oldCells = was?.cells ?? new Map<string, FakeCell>();
    for (const [key, cell] of now.cells)
      if (!sameJson(oldCells.get(key), cell)) out.push(cellChange(id, key, cell));
    for (const key of oldCells.keys()) if (!now.cells.has(key)) out.push(cellChange(id, key, null));
    const oldRules = was?.rules ?? new Map<string, FakeConditionalFormat>();
    for (const [rid, rule] of now.rules)
      if (!sameJson(oldRules.get(rid), rule)) out.push({ kind: "rule", sheet: id, id: rid, rule });
    for (const rid of oldRules.keys()) if (!now.rules.has(rid)) out.push({ kind: "rule", sheet: id, id: rid, rule: null });
  }
  for (const [k, item] of after.names)
    if (!sameJson(before.names.get(k), item)) out.push({ kind: "name", key: k, item });
  for (const k of before.names.keys()) if (!after.names.has(k)) out.push({ kind: "name", key: k, item: null });
  for (const [k, v] of after.settings)
    if (before.settings.get(k) !== v) out.push({ kind: "setting", key: k, value: JSON.parse(v) as unknown });
  return out;
}

function cellChange(sheet: string, key: string, cell: FakeCell | null): RemoteChange {
  const [row, col] = key.split(",").map(Number) as [number, number];
  return { kind: "cell", sheet, row, col, cell };
}

/** The key a change's stamp is kept under: later stamps win per key. */
function changeKey(c: RemoteChange): string {
  switch (c.kind) {
    case "cell":
      return `c|${c.sheet}|${String(c.row)},${String(c.col)}`;
    case "sheet":
      return `s|${c.sheet}`;
    case "extras":
      return `x|${c.sheet}`;
    case "rule":
      return `r|${c.sheet}|${c.id}`;
    case "name":
      return `n|${c.key}`;
    case "setting":
      return `k|${c.key}`;
  }
}

function putRaw(sheet: FakeSheetState, row: number, col: number, cell: FakeCell | undefined): void {
  for (let i = sheet.cells.length; i < row; i++) sheet.cells[i] = [];
  (sheet.cells[row - 1] as (FakeCell | undefined)[])[col - 1] = cell;
}

/**
 * One session's end of the co-authoring: sends what its batches changed, applies what the
 * others changed (later stamp wins), and tells its change handlers.
 */
export class CoauthorSession {
  readonly #wb: FakeWorkbookState;
  readonly #transport: CoauthorTransport;
  readonly #now: () => number;
  #sent: WorkbookCopy;
  #counter = 0;
  #lastTime = 0;
  readonly #stamps = new Map<string, Stamp>();
  /** Sheets created by two sessions under one name: the later id maps onto the one kept. */
  readonly #alias = new Map<string, string>();

  constructor(
    wb: FakeWorkbookState,
    readonly author: string,
    transport: CoauthorTransport,
    now: () => number = () => Date.now(),
  ) {
    this.#wb = wb;
    this.#transport = transport;
    this.#now = now;
    this.#sent = copyWorkbook(wb);
    transport.listen((batch) => this.receive(batch));
  }

  #stamp(): Stamp {
    this.#lastTime = Math.max(this.#lastTime, this.#now());
    this.#counter += 1;
    return [this.#lastTime, this.#counter, this.author];
  }

  /**
   * After a batch or an edit: posts what changed since the last post, and every cell the batch
   * wrote (the changes it reports to `onChanged`) even where the value stayed the same — a write
   * is an edit for co-authoring too, and the later one wins.
   */
  publish(written: readonly { worksheetId: string; address: string }[] = this.#wb.pendingEvents ?? []): void {
    const now = copyWorkbook(this.#wb);
    const changes = workbookChanges(this.#sent, now, this.#wb);
    const listed = new Set(changes.map(changeKey));
    for (const w of written) {
      const area = tryParseRange(w.address);
      const sheet = now.sheets.get(w.worksheetId);
      if (!area || !sheet) continue;
      for (let r = area.top; r <= area.bottom; r++)
        for (let c = area.left; c <= area.right; c++) {
          const key = `${String(r)},${String(c)}`;
          const change = cellChange(w.worksheetId, key, sheet.cells.get(key) ?? null);
          if (!listed.has(changeKey(change))) changes.push(change);
        }
    }
    this.#sent = now;
    if (changes.length === 0) return;
    const stamp = this.#stamp();
    for (const c of changes) this.#stamps.set(changeKey(c), stamp);
    const sheetNames: Record<string, string> = {};
    for (const s of this.#wb.sheets) sheetNames[s.id] = s.name;
    this.#transport.send({ author: this.author, stamp, changes, sheetNames });
  }

  /** Applies another session's batch: per object, only when its stamp is the later one. */
  receive(batch: RemoteBatch): void {
    if (batch.author === this.author) return;
    // Lamport: what this session writes next is later than everything it has seen.
    this.#lastTime = Math.max(this.#lastTime, batch.stamp[0]);
    this.#counter = Math.max(this.#counter, batch.stamp[1]);
    const touched = new Map<string, { top: number; left: number; bottom: number; right: number }>();
    for (const change of batch.changes) {
      const c = this.#aliased(change, batch.sheetNames);
      const key = changeKey(c);
      if (!laterStamp(batch.stamp, this.#stamps.get(key))) continue;
      if (this.#apply(c)) this.#stamps.set(key, batch.stamp);
      if (c.kind === "cell") {
        const box = touched.get(c.sheet);
        if (!box) touched.set(c.sheet, { top: c.row, left: c.col, bottom: c.row, right: c.col });
        else {
          box.top = Math.min(box.top, c.row);
          box.left = Math.min(box.left, c.col);
          box.bottom = Math.max(box.bottom, c.row);
          box.right = Math.max(box.right, c.col);
        }
      }
    }
    // What was merged in is not this session's to send again.
    this.#sent = copyWorkbook(this.#wb);
    const handlers = [...this.#wb.changedHandlers];
    for (const [id, box] of touched) {
      const sheet = this.#wb.sheets.find((s) => s.id === id);
      if (!sheet) continue;
      const event = { ...changeEvent(this.#wb, sheet, areaToA1(box), "Unknown"), source: "Remote" as const };
      for (const h of handlers) void h(event);
    }
  }

  #aliased(c: RemoteChange, sheetNames: Readonly<Record<string, string>>): RemoteChange {
    if (!("sheet" in c)) return c;
    const to = this.#alias.get(c.sheet);
    if (to !== undefined) return { ...c, sheet: to };
    const name = c.kind === "sheet" && c.props !== null ? c.props.name : sheetNames[c.sheet];
    if (name !== undefined && !this.#wb.sheets.some((s) => s.id === c.sheet)) {
      // Two sessions added a sheet of the same name (or this one joined after it was added):
      // Excel keeps one sheet; so do we (the one this session has).
      const lower = name.toLowerCase();
      const same = this.#wb.sheets.find((s) => s.name.toLowerCase() === lower);
      if (same) {
        this.#alias.set(c.sheet, same.id);
        return { ...c, sheet: same.id };
      }
    }
    return c;
  }

  /** Applies one change; false when its target is gone (a cell of a deleted sheet). */
  #apply(c: RemoteChange): boolean {
    const wb = this.#wb;
    const sheetOf = (id: string) => wb.sheets.find((s) => s.id === id);
    switch (c.kind) {
      case "sheet": {
        const existing = sheetOf(c.sheet);
        if (c.props === null) {
          if (existing) wb.sheets.splice(wb.sheets.indexOf(existing), 1);
          return true;
        }
        const sheet: FakeSheetState = existing ?? {
          id: c.sheet,
          name: c.props.name,
          visibility: c.props.visibility,
          cells: [],
          merged: [],
          conditionalFormats: [],
          tables: [],
          charts: [],
        };
        sheet.name = c.props.name;
        sheet.visibility = c.props.visibility;
        if (c.props.protected) sheet.protected = true;
        else delete sheet.protected;
        if (!existing) wb.sheets.splice(Math.min(c.props.index, wb.sheets.length), 0, sheet);
        return true;
      }
      case "extras": {
        const sheet = sheetOf(c.sheet);
        if (!sheet) return false;
        sheet.merged = clone(c.extras.merged);
        sheet.tables = clone(c.extras.tables);
        sheet.charts = clone(c.extras.charts);
        return true;
      }
      case "cell": {
        const sheet = sheetOf(c.sheet);
        if (!sheet) return false;
        putRaw(sheet, c.row, c.col, c.cell === null ? undefined : clone(c.cell));
        return true;
      }
      case "rule": {
        const sheet = sheetOf(c.sheet);
        if (!sheet) return false;
        const at = sheet.conditionalFormats.findIndex((cf) => cf.id === c.id);
        if (c.rule === null) {
          if (at >= 0) sheet.conditionalFormats.splice(at, 1);
        } else if (at >= 0) sheet.conditionalFormats[at] = clone(c.rule);
        else sheet.conditionalFormats.push(clone(c.rule));
        return true;
      }
      case "name":
        if (c.item === null) wb.names.delete(c.key);
        else wb.names.set(c.key, clone(c.item));
        return true;
      case "setting":
        wb.settings.set(c.key, clone(c.value));
        return true;
    }
  }
}

/**
 * Carries batches between sessions of one process after `delayMs` (as AutoSave merges them a
 * moment later); with `delayMs` undefined they wait for `deliver()` (tests choose the interleaving).
 */
export class LocalCoauthoring {
  readonly #receivers = new Map<string, (b: RemoteBatch) => void>();
  readonly #queue: { to: string; batch: RemoteBatch }[] = [];
  readonly #timers = new Set<Promise<void>>();

  constructor(readonly delayMs?: number) {}

  transport(author: string): CoauthorTransport {
    return {
      send: (batch) => {
        for (const to of this.#receivers.keys()) {
          if (to === author) continue;
          if (this.delayMs === undefined) this.#queue.push({ to, batch });
          else this.#later(to, batch);
        }
      },
      listen: (receive) => {
        this.#receivers.set(author, receive);
      },
    };
  }

  #later(to: string, batch: RemoteBatch): void {
    const done = new Promise<void>((resolve) =>
      setTimeout(() => {
        this.#receivers.get(to)?.(batch);
        resolve();
      }, this.delayMs),
    );
    this.#timers.add(done);
    void done.then(() => this.#timers.delete(done));
  }

  /** Batches waiting for `deliver` (manual mode), oldest first. */
  get pending(): number {
    return this.#queue.length;
  }

  /** Delivers waiting batches (only those for `to`, when given), oldest first; returns how many. */
  deliver(to?: string, count = Number.POSITIVE_INFINITY): number {
    let n = 0;
    for (let i = 0; i < this.#queue.length && n < count; ) {
      const item = this.#queue[i] as { to: string; batch: RemoteBatch };
      if (to !== undefined && item.to !== to) {
        i++;
        continue;
      }
      this.#queue.splice(i, 1);
      this.#receivers.get(item.to)?.(item.batch);
      n++;
    }
    return n;
  }

  /** Resolves when every timed delivery so far has landed. */
  async settled(): Promise<void> {
    while (this.#timers.size > 0) await Promise.all([...this.#timers]);
  }
}
