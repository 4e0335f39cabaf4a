/**
 * The one error the workbook reader raises. Entry points print `reason` in their own words (CLI:
 * cli/strings.ts `err.<reason>`; nightly job: its run report), so no message text lives here.
 */

/**
 * Why a workbook could not be read:
 * - `missing`, `not-a-file`: the path (CLI only);
 * - `not-xlsx`: not a zip archive at all; `xls`: an Excel 97-2003 file (BIFF in a CFB container);
 *   `encrypted`: a password-protected workbook (OOXML encrypted inside a CFB container);
 *   `ods`: an OpenDocument spreadsheet; `corrupt`: a zip that is not a readable workbook;
 * - limits on hostile files (the nightly job reads whatever is saved in SharePoint):
 *   `too-many-entries`, `too-large` (uncompressed bytes), `zip-bomb` (compression ratio),
 *   `too-deep` (XML nesting), `dtd` (DTDs and entity declarations are refused),
 *   `too-many-cells`, `string-too-long` (Excel's 32 767 characters).
 */
export type UnreadableReason =
  | "missing"
  | "not-a-file"
  | "not-xlsx"
  | "xls"
  | "encrypted"
  | "ods"
  | "corrupt"
  | "too-many-entries"
  | "too-large"
  | "zip-bomb"
  | "too-deep"
  | "dtd"
  | "too-many-cells"
  | "string-too-long";

/**
 * A workbook the reader cannot or will not read. `file` is the name shown to users; `detail`
 * (optional) says where, e.g. the sheet and cell of an over-long text; `cause` keeps the
 * underlying error for logs, never for users.
 */
export class UnreadableWorkbookError extends Error {
  override readonly name = "UnreadableWorkbookError";
  constructor(
    readonly reason: UnreadableReason,
    readonly file: string,
    options?: { cause?: unknown; detail?: string },
  ) {
    super(`${file}: ${reason}${options?.detail ? ` (${options.detail})` : ""}`, { cause: options?.cause });
    this.detail = options?.detail;
  }
  /** Where in the workbook, when known (sheet and cell, or part name). */
  readonly detail: string | undefined;
}

/** Internal: a limit or format failure raised deep in a parser, given the file name on the way out. */
export class ReaderFailure extends Error {
  override readonly name = "ReaderFailure";
  constructor(
    readonly reason: UnreadableReason,
    readonly detail?: string,
    options?: { cause?: unknown },
  ) {
    super(reason + (detail ? ` (${detail})` : ""), options);
  }
}
