/** A validation finding. Issues are values: rules return them, never throw them. */
export type Severity = "error" | "warning";

export interface Issue {
  severity: Severity;
  /** Stable machine code, e.g. "ref.unknown-line" (see i18n/messages.ts for the catalogue). */
  code: string;
  sheet: string;
  /** A1 address of the cell, e.g. "D7" (empty when the issue concerns a whole row/sheet). */
  cell: string;
  /** 1-based sheet row (0 when not tied to a row). */
  row: number;
  /** The heading as written in the sheet ("" when none). */
  column: string;
  /** Human message in the report's locale. */
  message: string;
  /** The offending value as read (JSON-safe). */
  value: unknown;
  /** Parameters the message was rendered with, so a UI can re-render it in another language. */
  params?: Record<string, string | number>;
}
