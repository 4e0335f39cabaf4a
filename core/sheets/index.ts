/** Sheet recognition and row reading (SPEC §3). */
export { HEADINGS, SHEET_KINDS, fieldForHeading, foldHeading, kindFromSheetName } from "./headings.ts";
export type { SheetKind, SheetField, PriorityField, LineField, ProjectField, BudgetField } from "./headings.ts";
export { recognizeSheet, hasIdentityHeading, HEADER_SEARCH_ROWS } from "./recognize.ts";
export { isProductSheet, isProductMark, hasProductSheetName, productSheetMark, PRODUCT_MARK_PREFIX, PRODUCT_SHEET_PREFIXES } from "./product-sheets.ts";
export type { ProductSheetRole } from "./product-sheets.ts";
export type { RecognizedSheet, HeaderColumn } from "./recognize.ts";
export { isTotalsRow, splitCodeTitle } from "./grid.ts";
