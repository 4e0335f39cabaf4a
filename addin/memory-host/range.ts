/**
 * Range, RangeAreas and the conditional formats hanging off a range.
 */
import type { CellValue } from "#core/snapshot/types.ts";
import { MAX_COLUMN, MAX_ROW, tryParseRange, type CellRange } from "#core/values/address.ts";
import { areaToA1, sheetAddress } from "#addin/excel/a1.ts";
import { FakeClientObject, FakeCollection, type FakeRequestQueue } from "./client-object.ts";
import { enterFormula, enterValue, type Entered } from "./enter.ts";
import { FakeOfficeError, sheetProtected } from "./errors.ts";
import {
  getCell,
  intersects,
  newId,
  noteChange,
  putCell,
  type FakeConditionalFormat,
  type FakeSheetState,
} from "./state.ts";

/** Range.getMergedAreasOrNullObject fails above this many merged areas in the range. */
export const MAX_MERGED_AREAS = 512;

/** Where a range proxy points, decided at sync time (a used range is only known then). */
export interface Located {
  sheet: FakeSheetState;
  area: CellRange;
}
export type Locator = () => Located | undefined;

/** Parses an address relative to a sheet ("B2:C4"; a "Sheet!" prefix must name that sheet). */
export function areaOf(sheet: FakeSheetState, address: string): CellRange {
  const r = tryParseRange(address);
  if (!r || (r.sheet !== undefined && r.sheet.toLowerCase() !== sheet.name.toLowerCase())) {
    throw new FakeOfficeError(
      "InvalidArgument",
      `The argument is invalid or missing or has an incorrect format: ${address}`,
    );
  }
  return { top: r.top, left: r.left, bottom: r.bottom, right: r.right };
}

function memo(locate: Locator): Locator {
  let done = false;
  let value: Located | undefined;
  return () => {
    if (!done) {
      value = locate();
      done = true;
    }
    return value;
  };
}

export class FakeRange extends FakeClientObject {
  readonly #locate: Locator;

  constructor(queue: FakeRequestQueue, locate: Locator, nullable = false) {
    super(queue, nullable);
    this.#locate = memo(locate);
  }

  /** @internal */
  located(): Located {
    const l = this.#locate();
    if (!l) throw new FakeOfficeError("ItemNotFound", "The requested resource doesn't exist.");
    return l;
  }

  protected override exists(): boolean {
    return this.#locate() !== undefined;
  }

  protected scalarProps(): readonly string[] {
    return [
      "address",
      "values",
      "formulas",
      "numberFormat",
      "rowCount",
      "columnCount",
      "rowIndex",
      "columnIndex",
    ];
  }

  protected read(prop: string): unknown {
    const { sheet, area } = this.located();
    switch (prop) {
      case "address":
        return sheetAddress(sheet.name, area);
      case "rowCount":
        return area.bottom - area.top + 1;
      case "columnCount":
        return area.right - area.left + 1;
      case "rowIndex":
        return area.top - 1;
      case "columnIndex":
        return area.left - 1;
      case "values":
        this.#countPayload(area);
        return grid(sheet, area, (c) => c?.value ?? "");
      case "formulas":
        this.#countPayload(area);
        return grid(sheet, area, (c) => c?.formula ?? c?.value ?? "");
      case "numberFormat":
        return grid(sheet, area, (c) => c?.format?.numberFormat ?? "General");
      default:
        return this.unknown(prop);
    }
  }

  /** Cells read in this sync; past the host's limit the whole sync fails, as on the web. */
  #countPayload(area: CellRange): void {
    const state = this.queue.state;
    state.batchCells += (area.bottom - area.top + 1) * (area.right - area.left + 1);
    if (state.payloadLimitCells !== undefined && state.batchCells > state.payloadLimitCells) {
      throw new FakeOfficeError(
        "ResponsePayloadSizeLimitExceeded",
        "The response payload size has exceeded the limit. Please refer to the documentation: https://learn.microsoft.com/office/dev/add-ins/concepts/resource-limits-and-performance-optimization#excel-add-ins.",
      );
    }
    // Only payloads Excel actually returned count (a refused sync returns nothing).
    state.largestBatchCells = Math.max(state.largestBatchCells, state.batchCells);
  }

  protected override navigate(prop: string): FakeClientObject {
    if (prop === "conditionalFormats") return this.conditionalFormats;
    return super.navigate(prop);
  }

  get address(): string {
    return this.loaded("address");
  }
  get rowCount(): number {
    return this.loaded("rowCount");
  }
  get columnCount(): number {
    return this.loaded("columnCount");
  }
  get rowIndex(): number {
    return this.loaded("rowIndex");
  }
  get columnIndex(): number {
    return this.loaded("columnIndex");
  }
  get values(): CellValue[][] {
    return this.loaded("values");
  }
  set values(v: CellValue[][]) {
    const copy = v.map((row) => [...row]);
    this.later(() => this.#write(copy, "values"));
  }
  get formulas(): CellValue[][] {
    return this.loaded("formulas");
  }
  get numberFormat(): string[][] {
    return this.loaded("numberFormat");
  }
  /**
   * Range.numberFormat (ExcelApi 1.1): one code per cell, or one code for the whole range; a format
   * stays on an empty cell and makes it part of the used range (unless `valuesOnly`). Like any 2-D
   * set, other dimensions are refused (InvalidArgument), and a protected sheet refuses formatting
   * (AccessDenied: Excel's default protection does not allow formatting cells).
   * https://learn.microsoft.com/javascript/api/excel/excel.range#excel-excel-range-numberformat-member
   */
  set numberFormat(v: string[][]) {
    const copy = v.map((row) => [...row]);
    this.later(() => {
      const { sheet, area } = this.located();
      const single = checkDimensions(copy, area);
      if (sheet.protected === true) throw sheetProtected(sheet.name, "Range.numberFormat");
      for (let r = area.top; r <= area.bottom; r++) {
        for (let c = area.left; c <= area.right; c++) {
          const code = single ? copy[0]?.[0] : copy[r - area.top]?.[c - area.left];
          if (code === undefined || code === null) continue; // null: leave the cell's format as it is
          const line = (sheet.cells[r - 1] ??= []);
          const cell = (line[c - 1] ??= { value: null });
          cell.format = { ...cell.format, numberFormat: code };
        }
      }
    });
  }
  set formulas(v: CellValue[][]) {
    const copy = v.map((row) => [...row]);
    this.later(() => this.#write(copy, "formulas"));
  }

  #write(input: CellValue[][], kind: "values" | "formulas"): void {
    const { sheet, area } = this.located();
    const rows = area.bottom - area.top + 1;
    const cols = area.right - area.left + 1;
    const single = checkDimensions(input, area);
    const state = this.queue.state;
    state.batchWrittenCells += single ? 1 : rows * cols;
    if (state.payloadLimitCells !== undefined && state.batchWrittenCells > state.payloadLimitCells)
      throw new FakeOfficeError(
        "RequestPayloadSizeLimitExceeded",
        "The request payload size has exceeded the limit. Please refer to the documentation: https://learn.microsoft.com/office/dev/add-ins/concepts/resource-limits-and-performance-optimization#excel-add-ins.",
      );
    if (sheet.protected === true) throw sheetProtected(sheet.name, `Range.${kind}`);
    const culture = state.culture;
    noteChange(state, sheet, areaToA1(area));
    for (let r = 0; r < rows; r++) {
      for (let c = 0; c < cols; c++) {
        const raw = single ? (input[0]?.[0] ?? null) : (input[r]?.[c] ?? null);
        if (raw === null) continue; // Office.js: null leaves the cell as it is
        const entered: Entered | undefined =
          kind === "values" ? enterValue(raw, culture) : enterFormula(raw, culture);
        putCell(sheet, area.top + r, area.left + c, entered);
      }
    }
  }

  /** Clears contents (and, like Office.js with no argument, formats). */
  clear(applyTo: "All" | "Contents" | "Formats" = "All"): void {
    this.later(() => {
      const { sheet, area } = this.located();
      if (sheet.protected === true) throw sheetProtected(sheet.name, "Range.clear");
      if (applyTo !== "Formats") noteChange(this.queue.state, sheet, areaToA1(area));
      for (let r = area.top; r <= Math.min(area.bottom, sheet.cells.length); r++) {
        const row = sheet.cells[r - 1];
        if (!row) continue;
        for (let c = area.left; c <= Math.min(area.right, row.length); c++) {
          const cell = row[c - 1];
          if (!cell) continue;
          if (applyTo === "Formats") delete cell.format;
          else if (applyTo === "Contents") putCell(sheet, r, c, undefined);
          else row[c - 1] = undefined;
        }
      }
    });
  }

  select(): void {
    this.later(() => {
      const { sheet, area } = this.located();
      this.queue.state.selection = { sheet: sheet.name, address: areaToA1(area) };
    });
  }

  /**
   * ExcelApi 1.13: the merged areas in the range, a null object when there are none; "if the
   * merged areas count in this range is more than 512, then this method will fail to return the
   * result" (the batch fails; the code is our reading, the reference names none).
   */
  getMergedAreasOrNullObject(): FakeRangeAreas {
    this.queue.require("Range.getMergedAreasOrNullObject", "1.13");
    return new FakeRangeAreas(this.queue, () => {
      const { sheet, area } = this.located();
      const hits = sheet.merged.filter((m) => intersects(m, area));
      if (hits.length > MAX_MERGED_AREAS)
        throw new FakeOfficeError(
          "GeneralException",
          `There was an internal error while processing the request: more than ${String(MAX_MERGED_AREAS)} merged areas.`,
          "Range.getMergedAreasOrNullObject",
        );
      return hits.length === 0 ? undefined : { sheet, areas: hits };
    });
  }

  /** Only "Formulas" and "Constants" are modelled (what the adapter asks for). */
  getSpecialCellsOrNullObject(cellType: string): FakeRangeAreas {
    this.queue.require("Range.getSpecialCellsOrNullObject", "1.9");
    if (cellType !== "Formulas" && cellType !== "Constants")
      throw new FakeOfficeError("InvalidArgument", `Unsupported special cell type ${cellType}`);
    return new FakeRangeAreas(this.queue, () => {
      const { sheet, area } = this.located();
      const areas = columnRuns(sheet, area, (cell) =>
        cellType === "Formulas"
          ? cell?.formula !== undefined
          : cell !== undefined && cell.formula === undefined && cell.value !== null,
      );
      return areas.length === 0 ? undefined : { sheet, areas };
    });
  }

  get conditionalFormats(): FakeConditionalFormatCollection {
    return this.child("conditionalFormats", () => {
      this.queue.require("Range.conditionalFormats", "1.6");
      return new FakeConditionalFormatCollection(this.queue, () => this.located());
    });
  }
}

/**
 * A 2-D set (values, formulas, numberFormat) must match the range's rows and columns; Office.js
 * also takes one value for the whole range. Returns whether it is that one value.
 */
function checkDimensions(input: readonly (readonly unknown[])[], area: CellRange): boolean {
  const rows = area.bottom - area.top + 1;
  const cols = area.right - area.left + 1;
  const single = input.length === 1 && input[0]?.length === 1 && (rows > 1 || cols > 1);
  if (!single && (input.length !== rows || input.some((r) => r.length !== cols))) {
    throw new FakeOfficeError(
      "InvalidArgument",
      "The number of rows or columns in the input array doesn't match the size or dimensions of the range.",
    );
  }
  return single;
}

/** Vertical runs of matching cells, column by column (how Excel coalesces special cells). */
function columnRuns(
  sheet: FakeSheetState,
  area: CellRange,
  match: (cell: ReturnType<typeof getCell>) => boolean,
): CellRange[] {
  const out: CellRange[] = [];
  const bottom = Math.min(area.bottom, sheet.cells.length);
  const right = Math.min(area.right, MAX_COLUMN);
  for (let c = area.left; c <= right; c++) {
    let start = 0;
    for (let r = area.top; r <= bottom + 1; r++) {
      const hit = r <= bottom && match(getCell(sheet, r, c));
      if (hit && start === 0) start = r;
      if (!hit && start !== 0) {
        out.push({ top: start, left: c, bottom: r - 1, right: c });
        start = 0;
      }
    }
  }
  return out;
}

function grid<T>(
  sheet: FakeSheetState,
  area: CellRange,
  pick: (cell: ReturnType<typeof getCell>) => T,
): T[][] {
  if ((area.bottom - area.top + 1) * (area.right - area.left + 1) > 5_000_000) {
    // Excel refuses to return more than 5 million cells in one read ("Resource limits": a range
    // is limited to five million cells for get operations).
    throw new FakeOfficeError(
      "RangeExceedsLimit",
      "The cell count in the range has exceeded the maximum supported number.",
    );
  }
  const out: T[][] = [];
  for (let r = area.top; r <= area.bottom; r++) {
    const row: T[] = new Array<T>(area.right - area.left + 1);
    for (let c = area.left; c <= area.right; c++) row[c - area.left] = pick(getCell(sheet, r, c));
    out.push(row);
  }
  return out;
}

/** RangeAreas: several areas of one sheet (merged areas, special cells). */
export class FakeRangeAreas extends FakeClientObject {
  readonly #locate: () => { sheet: FakeSheetState; areas: CellRange[] } | undefined;

  constructor(
    queue: FakeRequestQueue,
    locate: () => { sheet: FakeSheetState; areas: CellRange[] } | undefined,
  ) {
    super(queue, true);
    let done = false;
    let value: { sheet: FakeSheetState; areas: CellRange[] } | undefined;
    this.#locate = () => {
      if (!done) {
        value = locate();
        done = true;
      }
      return value;
    };
  }

  protected override exists(): boolean {
    return this.#locate() !== undefined;
  }
  protected scalarProps(): readonly string[] {
    return ["address", "areaCount"];
  }
  protected read(prop: string): unknown {
    const l = this.#locate();
    if (!l) return this.unknown(prop);
    if (prop === "address") return l.areas.map((a) => sheetAddress(l.sheet.name, a)).join(",");
    if (prop === "areaCount") return l.areas.length;
    return this.unknown(prop);
  }
  protected override navigate(prop: string): FakeClientObject {
    if (prop === "areas") return this.areas;
    return super.navigate(prop);
  }
  get address(): string {
    return this.loaded("address");
  }
  get areaCount(): number {
    return this.loaded("areaCount");
  }
  get areas(): FakeRangeCollection {
    return this.child(
      "areas",
      () =>
        new FakeRangeCollection(this.queue, () => {
          const l = this.#locate();
          return l ? l.areas.map((area) => ({ sheet: l.sheet, area })) : [];
        }),
    );
  }
}

export class FakeRangeCollection extends FakeCollection<FakeRange> {
  constructor(
    queue: FakeRequestQueue,
    private readonly members: () => Located[],
  ) {
    super(queue);
  }
  protected list(): FakeRange[] {
    return this.members().map((l) => new FakeRange(this.queue, () => l));
  }
}

export class FakeConditionalFormatCollection extends FakeCollection<FakeConditionalFormatProxy> {
  constructor(
    queue: FakeRequestQueue,
    private readonly range: () => Located,
  ) {
    super(queue);
  }
  protected list(): FakeConditionalFormatProxy[] {
    const { sheet, area } = this.range();
    return sheet.conditionalFormats
      .filter((cf) => intersects(cf.area, area))
      .map((cf) => new FakeConditionalFormatProxy(this.queue, sheet, () => cf));
  }
  add(type: string): FakeConditionalFormatProxy {
    let created: FakeConditionalFormat | undefined;
    let owner: FakeSheetState | undefined;
    this.later(() => {
      const { sheet, area } = this.range();
      if (sheet.protected === true) throw sheetProtected(sheet.name, "ConditionalFormatCollection.add");
      owner = sheet;
      created = { id: newId(this.queue.state), type, area: { ...area }, formula: "" };
      sheet.conditionalFormats.unshift(created); // a new rule takes the top priority, as in Excel
    });
    return new FakeConditionalFormatProxy(
      this.queue,
      () => owner,
      () => created,
    );
  }
  /** ExcelApi 1.6; fails the batch with ItemNotFound when no rule has `id`. */
  getItem(id: string): FakeConditionalFormatProxy {
    const find = (): FakeConditionalFormat | undefined =>
      this.range().sheet.conditionalFormats.find((cf) => cf.id === id);
    return new FakeConditionalFormatProxy(this.queue, () => this.range().sheet, find, false, true);
  }
  /** ExcelApi 1.14 (on 1.6–1.13 only `getItem` exists). */
  getItemOrNullObject(id: string): FakeConditionalFormatProxy {
    this.queue.require("ConditionalFormatCollection.getItemOrNullObject", "1.14");
    const find = (): FakeConditionalFormat | undefined =>
      this.range().sheet.conditionalFormats.find((cf) => cf.id === id);
    return new FakeConditionalFormatProxy(this.queue, () => this.range().sheet, find, true);
  }
  clearAll(): void {
    this.later(() => {
      const { sheet, area } = this.range();
      sheet.conditionalFormats = sheet.conditionalFormats.filter((cf) => !intersects(cf.area, area));
    });
  }
}

/** A conditional format rule (the state type owns the plain name). */
export class FakeConditionalFormatProxy extends FakeClientObject {
  readonly #sheet: () => FakeSheetState | undefined;
  readonly #cf: () => FakeConditionalFormat | undefined;

  constructor(
    queue: FakeRequestQueue,
    sheet: FakeSheetState | (() => FakeSheetState | undefined),
    cf: () => FakeConditionalFormat | undefined,
    nullable = false,
    /** `getItem(id)`: the rule must exist when the batch reaches its first use. */
    mustExist = false,
  ) {
    super(queue, nullable);
    this.#sheet = typeof sheet === "function" ? sheet : () => sheet;
    this.#cf = cf;
    if (mustExist)
      queue.enqueue(() => {
        if (!cf()) throw new FakeOfficeError("ItemNotFound", "The requested resource doesn't exist.", "ConditionalFormatCollection.getItem");
      });
  }
  #get(): FakeConditionalFormat {
    const cf = this.#cf();
    if (!cf) throw new FakeOfficeError("ItemNotFound", "The requested resource doesn't exist.");
    return cf;
  }
  protected override exists(): boolean {
    return this.#cf() !== undefined;
  }
  protected scalarProps(): readonly string[] {
    return ["id", "type"];
  }
  protected read(prop: string): unknown {
    if (prop === "id") return this.#get().id;
    if (prop === "type") return this.#get().type;
    return this.unknown(prop);
  }
  protected override navigate(prop: string): FakeClientObject {
    if (prop === "custom") return this.custom;
    if (prop === "customOrNullObject") return this.customOrNullObject;
    return super.navigate(prop);
  }
  get id(): string {
    return this.loaded("id");
  }
  get type(): string {
    return this.loaded("type");
  }
  get custom(): FakeCustomConditionalFormat {
    return this.child("custom", () => new FakeCustomConditionalFormat(this.queue, () => this.#cf(), false));
  }
  /** Null object unless the rule is a custom (formula) one. */
  get customOrNullObject(): FakeCustomConditionalFormat {
    return this.child(
      "customOrNullObject",
      () => new FakeCustomConditionalFormat(this.queue, () => this.#cf(), true),
    );
  }
  getRange(): FakeRange {
    return new FakeRange(this.queue, () => {
      const sheet = this.#sheet();
      const cf = this.#cf();
      return sheet && cf ? { sheet, area: cf.area } : undefined;
    });
  }
  delete(): void {
    this.later(() => {
      const sheet = this.#sheet();
      const cf = this.#get();
      if (sheet?.protected === true) throw sheetProtected(sheet.name, "ConditionalFormat.delete");
      if (sheet) sheet.conditionalFormats = sheet.conditionalFormats.filter((x) => x !== cf);
    });
  }
}

/** `cf.custom`: rule.formula and format.fill/font colours, the parts highlighting uses. */
export class FakeCustomConditionalFormat extends FakeClientObject {
  constructor(
    queue: FakeRequestQueue,
    private readonly cf: () => FakeConditionalFormat | undefined,
    nullable: boolean,
  ) {
    super(queue, nullable);
  }
  protected override exists(): boolean {
    return this.cf()?.type === "Custom";
  }
  protected scalarProps(): readonly string[] {
    return [];
  }
  protected read(prop: string): unknown {
    return this.unknown(prop);
  }
  protected override navigate(prop: string): FakeClientObject {
    if (prop === "rule") return this.rule;
    return super.navigate(prop);
  }
  #custom(): FakeConditionalFormat {
    const cf = this.cf();
    if (!cf || cf.type !== "Custom")
      throw new FakeOfficeError("InvalidOperation", "The conditional format is not a custom one.");
    return cf;
  }
  get rule(): FakeLeaf & { formula: string } {
    return this.child("rule", () =>
      FakeLeaf.of<{ formula: string }>(this.queue, {
        formula: [() => this.#custom().formula, (v) => (this.#custom().formula = String(v))],
      }),
    );
  }
  get format(): { fill: FakeLeaf & { color: string }; font: FakeLeaf & { color: string } } {
    return this.child("format", () => ({
      fill: FakeLeaf.of<{ color: string }>(this.queue, {
        color: [() => this.#custom().fill ?? "", (v) => (this.#custom().fill = String(v))],
      }),
      font: FakeLeaf.of<{ color: string }>(this.queue, {
        color: [() => this.#custom().fontColor ?? "", (v) => (this.#custom().fontColor = String(v))],
      }),
    }));
  }
}

type Accessors = Record<string, [() => unknown, (v: unknown) => void]>;

/** A small object of plain properties (rule.formula, fill.color, …) with queued sets. */
export class FakeLeaf extends FakeClientObject {
  constructor(
    queue: FakeRequestQueue,
    private readonly props: Accessors,
  ) {
    super(queue, false);
    for (const name of Object.keys(props)) {
      Object.defineProperty(this, name, {
        get: () => this.loaded(name),
        set: (v: unknown) => this.later(() => props[name]?.[1](v)),
        enumerable: true,
      });
    }
  }

  /** A leaf typed with the properties it carries. */
  static of<T extends object>(
    queue: FakeRequestQueue,
    props: { [K in keyof T]: [() => unknown, (v: unknown) => void] },
  ): FakeLeaf & T {
    return new FakeLeaf(queue, props as Accessors) as FakeLeaf & T;
  }
  protected scalarProps(): readonly string[] {
    return Object.keys(this.props);
  }
  protected read(prop: string): unknown {
    const p = this.props[prop];
    return p ? p[0]() : this.unknown(prop);
  }
}

/** The whole grid of a sheet (`worksheet.getRange()` with no address). */
export const WHOLE_SHEET: CellRange = { top: 1, left: 1, bottom: MAX_ROW, right: MAX_COLUMN };
