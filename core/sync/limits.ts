/**
 * The sync API's size limits, apart from the zod schemas so that code needing only a number (the
 * task pane's push chunking) does not pull zod into the task pane's first-load bundle.
 */

/** Largest key of a row (codes, acronyms and budget keys are far shorter). */
export const MAX_KEY_LENGTH = 512;
/** Largest canonical JSON of one row's values: keeps every stored item well under DynamoDB's 400 KB. */
export const MAX_ROW_BYTES = 96 * 1024;
/** Largest number of rows in one push (a 10 000-project workbook plus its budget rows). */
export const MAX_PUSH_ROWS = 60_000;
/** Largest request body the API accepts (SPEC §11: bigger gets 413). */
export const MAX_BODY_BYTES = 5 * 1024 * 1024;
