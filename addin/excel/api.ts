/**
 * The slice of the Excel JavaScript API the adapter uses, named as in Office.js. The adapter is
 * written against these interfaces so that both `Excel.run` (in Excel) and the fake host's `run`
 * (in tests and the preview page) plug in; a type test checks that Office.js's own types satisfy
 * them. Enum-typed arguments are passed as their string values, so no `Excel` global is needed
 * at module load.
 */
import type { CellValue } from "#core/snapshot/types.ts";

/** Office.js `load`: property names, comma-separated or as an array, with "a/b" navigation paths. */
interface Loadable {
  load(propertyNames?: string | string[]): unknown;
  readonly isNullObject: boolean;
}

export interface RangeLike extends Loadable {
  readonly address: string;
  readonly rowCount: number;
  readonly columnCount: number;
  readonly rowIndex: number;
  readonly columnIndex: number;
  values: CellValue[][];
  formulas: CellValue[][];
  /** Number format codes (Office.js `Range.numberFormat`, ExcelApi 1.1). */
  numberFormat: string[][];
  select(): void;
  clear(applyTo?: "All" | "Contents" | "Formats"): void;
  getMergedAreasOrNullObject(): RangeAreasLike;
  getSpecialCellsOrNullObject(cellType: "Formulas"): RangeAreasLike;
  readonly conditionalFormats: ConditionalFormatCollectionLike;
}

export interface RangeAreasLike extends Loadable {
  readonly areas: { readonly items: { readonly address: string; readonly formulas: CellValue[][] }[] };
}

export interface ConditionalFormatCollectionLike extends Loadable {
  readonly items: ConditionalFormatLike[];
  add(type: "Custom"): ConditionalFormatLike;
  /** ExcelApi 1.6 (getItemOrNullObject needs 1.14, above Excel 2021's level). */
  getItem(id: string): ConditionalFormatLike;
}

export interface ConditionalFormatLike extends Loadable {
  /** Stable for the rule's lifetime (ExcelApi 1.6), so a later batch can find it again. */
  readonly id: string;
  readonly custom: CustomConditionalFormatLike;
  readonly customOrNullObject: CustomConditionalFormatLike;
  delete(): void;
}

export interface CustomConditionalFormatLike {
  readonly isNullObject: boolean;
  readonly rule: { formula: string };
  readonly format: { readonly fill: { color: string }; readonly font: { color: string } };
}

export interface WorksheetLike extends Loadable {
  readonly id: string;
  name: string;
  visibility: "Visible" | "Hidden" | "VeryHidden";
  getRange(address?: string): RangeLike;
  getUsedRange(valuesOnly?: boolean): RangeLike;
  getUsedRangeOrNullObject(valuesOnly?: boolean): RangeLike;
  activate(): void;
  /** Refused (InvalidOperation) for a very hidden sheet and for the last visible one. */
  delete(): void;
  /** ExcelApi 1.2. */
  readonly protection: { readonly protected: boolean } & Loadable;
  readonly tables: { add(address: string, hasHeaders: boolean): { name: string } };
  readonly charts: {
    add(
      type: "ColumnClustered",
      sourceData: RangeLike,
      seriesBy?: "Auto",
    ): { readonly title: { text: string } };
  };
}

/** What Excel passes to `worksheets.onChanged` handlers (the fields we read). */
export interface WorksheetChangedLike {
  readonly worksheetId: string;
  readonly address: string;
  /** ExcelApi 1.7: "Remote" when a coauthor's change was merged in (co-authoring with AutoSave). */
  readonly source?: "Local" | "Remote";
  /** ExcelApi 1.14: "ThisLocalAddin" when this add-in's API write caused the change. */
  readonly triggerSource?: "ThisLocalAddin" | "Unknown";
}

export interface WorksheetCollectionLike extends Loadable {
  readonly items: WorksheetLike[];
  getItem(name: string): WorksheetLike;
  getItemOrNullObject(name: string): WorksheetLike;
  add(name?: string): WorksheetLike;
  readonly onChanged: { add(handler: (event: WorksheetChangedLike) => Promise<unknown>): { remove(): void } };
}

export interface NamedItemLike extends Loadable {
  readonly name: string;
  readonly formula: string;
}

export interface NamedItemCollectionLike extends Loadable {
  getItemOrNullObject(name: string): NamedItemLike;
  add(name: string, reference: string, comment?: string): NamedItemLike;
}

export interface ApplicationLike {
  readonly cultureInfo: {
    readonly name: string;
    readonly numberFormat: { readonly numberDecimalSeparator: string; readonly numberGroupSeparator: string };
  } & Loadable;
  suspendApiCalculationUntilNextSync(): void;
}

export interface WorkbookLike extends Loadable {
  /** File name, e.g. "Action Plan 2022.xlsx" (ExcelApi 1.7). */
  readonly name: string;
  readonly worksheets: WorksheetCollectionLike;
  readonly names: NamedItemCollectionLike;
  readonly application: ApplicationLike;
  /** The active cell (ExcelApi 1.7). */
  getActiveCell(): RangeLike;
}

export interface RequestContextLike {
  readonly workbook: WorkbookLike;
  sync(): Promise<void>;
}

/** `Excel.run`'s shape. */
export type ExcelRun = <T>(batch: (context: RequestContextLike) => Promise<T>) => Promise<T>;
