/**
 * The result of parsing one cell value. Parsers never throw on cell content: a bad value is a
 * `reason` the caller turns into an issue on that cell (SPEC §4, §5).
 */
export type Parsed<T> = { ok: true; value: T } | { ok: false; reason: ValueErrorCode };

/** Why a cell value could not be read. Stable codes: the i18n catalogue keys its messages on them. */
export type ValueErrorCode =
  | "value.formula-error"
  | "value.not-a-number"
  | "value.negative"
  | "value.not-finite"
  | "value.not-a-date"
  | "value.impossible-date"
  | "value.not-a-tick"
  | "value.too-long";

/** Builds a success result. */
export function ok<T>(value: T): Parsed<T> {
  return { ok: true, value };
}

/** Builds a failure result. */
export function fail<T>(reason: ValueErrorCode): Parsed<T> {
  return { ok: false, reason };
}
