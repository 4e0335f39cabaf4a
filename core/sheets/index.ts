/** Sheet recognition and row reading (SPEC §3). */
export { HEADINGS, SHEET_KINDS, fieldForHeading, foldHeading, kindFromSheetName } from "./headings.ts";
export type { SheetKind, SheetField, PriorityField, LineField, ProjectField, BudgetField } from "./headings.ts";
export { recognizeSheet, isSyncSheet, HEADER_SEARCH_ROWS } from "./recognize.ts";
export type { RecognizedSheet, HeaderColumn } from "./recognize.ts";
export { isTotalsRow, splitCodeTitle } from "./grid.ts";
