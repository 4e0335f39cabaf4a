/**
 * Worksheets, their collection (with `onChanged`), tables and charts.
 */
import { FakeClientObject, FakeCollection, type FakeRequestQueue } from "./client-object.ts";
import { FakeOfficeError, sheetProtected } from "./errors.ts";
import { FakeLeaf, FakeRange, WHOLE_SHEET, areaOf } from "./range.ts";
import {
  findSheet,
  newId,
  usedArea,
  type FakeChangedEvent,
  type FakeChart,
  type FakeSheetState,
  type FakeTable,
  type FakeWorkbookState,
  type Visibility,
} from "./state.ts";

const VISIBILITIES = new Set<string>(["Visible", "Hidden", "VeryHidden"]);

/**
 * Excel's sheet naming rules, for `add` and for renaming: a name in use (in any case) is
 * `ItemAlreadyExists`; a name over 31 characters or with `\ / ? * [ ] :` is `InvalidArgument`.
 */
function checkSheetName(sheets: readonly FakeSheetState[], name: string, self?: FakeSheetState): void {
  if (sheets.some((x) => x !== self && x.name.toLowerCase() === name.toLowerCase()))
    throw new FakeOfficeError(
      "ItemAlreadyExists",
      "A resource with the same name or identifier already exists.",
    );
  if (name.length === 0 || name.length > 31 || /[\\/?*[\]:]/.test(name))
    throw new FakeOfficeError("InvalidArgument", `Invalid sheet name ${name}`);
}

export class FakeWorksheet extends FakeClientObject {
  readonly #resolve: () => FakeSheetState | undefined;

  constructor(queue: FakeRequestQueue, resolve: () => FakeSheetState | undefined, nullable = false) {
    super(queue, nullable);
    // Like Office.js, the proxy follows the sheet object once found (a rename keeps it valid).
    let pinned: FakeSheetState | undefined;
    this.#resolve = () => {
      if (pinned && queue.state.sheets.includes(pinned)) return pinned;
      if (pinned) return undefined; // deleted
      pinned = resolve();
      return pinned;
    };
  }

  /** @internal */
  sheet(): FakeSheetState {
    const s = this.#resolve();
    if (!s) throw new FakeOfficeError("ItemNotFound", "The requested resource doesn't exist.");
    return s;
  }

  protected override exists(): boolean {
    return this.#resolve() !== undefined;
  }
  protected scalarProps(): readonly string[] {
    return ["id", "name", "visibility", "position"];
  }
  protected read(prop: string): unknown {
    const s = this.sheet();
    if (prop === "id") return s.id;
    if (prop === "name") return s.name;
    if (prop === "visibility") return s.visibility;
    if (prop === "position") return this.queue.state.sheets.indexOf(s);
    return this.unknown(prop);
  }

  get id(): string {
    return this.loaded("id");
  }
  get name(): string {
    return this.loaded("name");
  }
  /** Renaming follows the naming rules of `add` (Worksheet.name: "fewer than 32 characters"). */
  set name(v: string) {
    this.later(() => {
      const s = this.sheet();
      checkSheetName(this.queue.state.sheets, v, s);
      s.name = v;
    });
  }
  get visibility(): Visibility {
    return this.loaded("visibility");
  }
  set visibility(v: Visibility) {
    this.queue.require("Worksheet.visibility (set)", "1.2");
    this.later(() => {
      if (!VISIBILITIES.has(v))
        throw new FakeOfficeError("InvalidArgument", `Invalid visibility ${String(v)}`);
      const s = this.sheet();
      if (
        v !== "Visible" &&
        this.queue.state.sheets.filter((x) => x.visibility === "Visible" && x !== s).length === 0
      ) {
        throw new FakeOfficeError(
          "InvalidOperation",
          "A workbook must contain at least one visible worksheet.",
        );
      }
      s.visibility = v;
    });
  }

  getRange(address?: string): FakeRange {
    return new FakeRange(this.queue, () => {
      const sheet = this.sheet();
      return { sheet, area: address === undefined ? WHOLE_SHEET : areaOf(sheet, address) };
    });
  }

  getUsedRangeOrNullObject(valuesOnly = false): FakeRange {
    this.queue.require("Worksheet.getUsedRangeOrNullObject", "1.4");
    return new FakeRange(
      this.queue,
      () => {
        const sheet = this.sheet();
        const area = usedArea(sheet, valuesOnly);
        return area ? { sheet, area } : undefined;
      },
      true,
    );
  }

  /** `valuesOnly` came with ExcelApi 1.2 (the method itself is 1.1). */
  getUsedRange(valuesOnly?: boolean): FakeRange {
    if (valuesOnly !== undefined) this.queue.require("Worksheet.getUsedRange(valuesOnly)", "1.2");
    return new FakeRange(this.queue, () => {
      const sheet = this.sheet();
      // Office.js returns A1 for an empty sheet.
      return {
        sheet,
        area: usedArea(sheet, valuesOnly === true) ?? { top: 1, left: 1, bottom: 1, right: 1 },
      };
    });
  }

  activate(): void {
    this.later(() => {
      this.queue.state.activeSheet = this.sheet().name;
    });
  }

  delete(): void {
    this.later(() => {
      const s = this.sheet();
      const state = this.queue.state;
      // Worksheet.delete: "if the worksheet's visibility is set to "VeryHidden", the delete
      // operation will fail with an InvalidOperation exception".
      if (s.visibility === "VeryHidden")
        throw new FakeOfficeError(
          "InvalidOperation",
          "This operation is not permitted for the current object: a very hidden worksheet cannot be deleted.",
          "Worksheet.delete",
        );
      if (state.sheets.filter((x) => x.visibility === "Visible" && x !== s).length === 0) {
        throw new FakeOfficeError(
          "InvalidOperation",
          "This operation cannot be performed: a workbook must contain at least one visible worksheet.",
        );
      }
      state.sheets = state.sheets.filter((x) => x !== s);
    });
  }

  /** `worksheet.protection` (ExcelApi 1.2): `protected`, `protect()`, `unprotect()`. */
  get protection(): FakeWorksheetProtection {
    return this.child("protection", () => new FakeWorksheetProtection(this.queue, () => this.sheet()));
  }

  protected override navigate(prop: string): FakeClientObject {
    if (prop === "protection") return this.protection;
    return super.navigate(prop);
  }

  get tables(): FakeTableCollection {
    return this.child("tables", () => new FakeTableCollection(this.queue, () => this.sheet()));
  }
  get charts(): FakeChartCollection {
    return this.child("charts", () => new FakeChartCollection(this.queue, () => this.sheet()));
  }
}

/** Office.js `EventHandlerResult`: registration and removal both take effect at the next sync. */
export interface FakeEventHandlerResult {
  remove(): void;
}

export class FakeWorksheetCollection extends FakeCollection<FakeWorksheet> {
  protected list(): FakeWorksheet[] {
    return this.queue.state.sheets.map(
      (s) => new FakeWorksheet(this.queue, () => (this.queue.state.sheets.includes(s) ? s : undefined)),
    );
  }

  /** By name or by id (WorksheetCollection.getItem: "the name or ID of the worksheet"). */
  #byKey(key: string): FakeSheetState | undefined {
    return findSheet(this.queue.state, key) ?? this.queue.state.sheets.find((s) => s.id === key);
  }
  getItem(name: string): FakeWorksheet {
    return new FakeWorksheet(this.queue, () => this.#byKey(name));
  }
  getItemOrNullObject(name: string): FakeWorksheet {
    this.queue.require("WorksheetCollection.getItemOrNullObject", "1.4");
    return new FakeWorksheet(this.queue, () => this.#byKey(name), true);
  }
  getActiveWorksheet(): FakeWorksheet {
    return new FakeWorksheet(
      this.queue,
      () => findSheet(this.queue.state, this.queue.state.activeSheet ?? "") ?? this.queue.state.sheets[0],
    );
  }

  add(name: string): FakeWorksheet {
    this.later(() => {
      const state = this.queue.state;
      checkSheetName(state.sheets, name);
      state.sheets.push({
        id: newId(state),
        name,
        visibility: "Visible",
        cells: [],
        merged: [],
        conditionalFormats: [],
        tables: [],
        charts: [],
      });
    });
    return this.getItem(name);
  }

  readonly onChanged = {
    add: (handler: (e: FakeChangedEvent) => Promise<unknown> | void): FakeEventHandlerResult => {
      this.queue.require("WorksheetCollection.onChanged", "1.7");
      this.later(() => this.queue.state.changedHandlers.add(handler));
      return { remove: () => this.later(() => this.queue.state.changedHandlers.delete(handler)) };
    },
  };
}

/**
 * Table.name follows support's "Rename an Excel table": a letter, `_` or `\` first, then letters,
 * digits, `.` and `_`; no spaces; not a cell reference ("A1", "R1C1") nor "C"/"R"; at most 255
 * characters (InvalidArgument); unique among the workbook's tables and names, in any case
 * (ItemAlreadyExists).
 */
function checkTableName(state: FakeWorkbookState, name: string, self: FakeTable): void {
  const cellLike = /^[A-Za-z]{1,3}\d+$/.test(name) || /^[Rr]\d*[Cc]\d*$/.test(name) || /^[RrCc]$/.test(name);
  if (name.length > 255 || !/^[\p{L}_\\][\p{L}\p{N}._\\]*$/u.test(name) || cellLike)
    throw new FakeOfficeError("InvalidArgument", `Invalid table name ${name}`);
  const lower = name.toLowerCase();
  const taken =
    state.sheets.some((sh) => sh.tables.some((t) => t !== self && t.name.toLowerCase() === lower)) ||
    [...state.names.keys()].some((n) => n.toLowerCase() === lower);
  if (taken)
    throw new FakeOfficeError(
      "ItemAlreadyExists",
      "A resource with the same name or identifier already exists.",
    );
}

type TableLeaf = FakeLeaf & { name: string; id: string };
type ChartLeaf = FakeLeaf & { name: string; type: string };

export class FakeTableCollection extends FakeCollection<TableLeaf> {
  constructor(
    queue: FakeRequestQueue,
    private readonly sheet: () => FakeSheetState,
  ) {
    super(queue);
  }
  protected list(): TableLeaf[] {
    return this.sheet().tables.map((t) =>
      FakeLeaf.of<{ name: string; id: string }>(this.queue, {
        name: [
          () => t.name,
          (v) => {
            checkTableName(this.queue.state, String(v), t);
            t.name = String(v);
          },
        ],
        id: [() => t.id, () => undefined],
      }),
    );
  }
  /** `tables.add("A1:C9", true)`: the returned table's `name` can be set. */
  add(address: string, hasHeaders: boolean): FakeLeaf & { name: string } {
    let table: FakeTable | undefined;
    this.later(() => {
      const sheet = this.sheet();
      const state = this.queue.state;
      if (sheet.protected === true) throw sheetProtected(sheet.name, "TableCollection.add");
      const area = areaOf(sheet, address);
      if (
        sheet.tables.some(
          (t) =>
            t.area.top <= area.bottom &&
            area.top <= t.area.bottom &&
            t.area.left <= area.right &&
            area.left <= t.area.right,
        )
      ) {
        throw new FakeOfficeError("InvalidOperation", "A table can't overlap another table.");
      }
      const created = { id: newId(state), name: `Table${String(state.nextId)}`, area, hasHeaders };
      sheet.tables.push(created);
      table = created;
    });
    return FakeLeaf.of<{ name: string }>(this.queue, {
      name: [
        () => table?.name,
        (v) => {
          if (!table) return;
          checkTableName(this.queue.state, String(v), table);
          table.name = String(v);
        },
      ],
    });
  }
}

export class FakeChartCollection extends FakeCollection<ChartLeaf> {
  constructor(
    queue: FakeRequestQueue,
    private readonly sheet: () => FakeSheetState,
  ) {
    super(queue);
  }
  protected list(): ChartLeaf[] {
    return this.sheet().charts.map((c) =>
      FakeLeaf.of<{ name: string; type: string }>(this.queue, {
        name: [() => c.name, () => undefined],
        type: [() => c.type, () => undefined],
      }),
    );
  }
  /** `charts.add(type, sourceRange, "Auto")`; the result's `title.text` can be set. */
  add(type: string, source: FakeRange, _seriesBy?: string): { title: FakeLeaf & { text: string } } {
    let chart: FakeChart | undefined;
    this.later(() => {
      const sheet = this.sheet();
      const state = this.queue.state;
      if (sheet.protected === true) throw sheetProtected(sheet.name, "ChartCollection.add");
      const created = {
        id: newId(state),
        name: `Chart ${String(state.nextId)}`,
        type,
        source: source.located().area,
      };
      sheet.charts.push(created);
      chart = created;
    });
    const title = FakeLeaf.of<{ text: string }>(this.queue, {
      text: [
        () => chart?.title ?? "",
        (v) => {
          if (chart) chart.title = String(v);
        },
      ],
    });
    return { title };
  }
}

/** Sheet protection (ExcelApi 1.2). Protecting with no options locks every cell, as Excel's default. */
export class FakeWorksheetProtection extends FakeClientObject {
  constructor(
    queue: FakeRequestQueue,
    private readonly sheet: () => FakeSheetState,
  ) {
    super(queue, false);
    queue.require("Worksheet.protection", "1.2");
  }
  protected scalarProps(): readonly string[] {
    return ["protected"];
  }
  protected read(prop: string): unknown {
    if (prop === "protected") return this.sheet().protected === true;
    return this.unknown(prop);
  }
  get protected(): boolean {
    return this.loaded("protected");
  }
  protect(): void {
    this.later(() => {
      this.sheet().protected = true;
    });
  }
  unprotect(): void {
    this.later(() => {
      delete this.sheet().protected;
    });
  }
}
