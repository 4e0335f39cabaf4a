/** Cell value parsing (SPEC §3 vocabularies, §4 values): pure functions, no I/O. */
export type { Parsed, ValueErrorCode } from "./result.ts";
export { isBlank } from "./blank.ts";
export { cleanText, foldText, parseText, MAX_TEXT } from "./text.ts";
export { isFormulaError } from "./formula-error.ts";
export { parseNumber, parseMoney, parsePercent, centsToEuro, formatMoney } from "./number.ts";
export { parseDate, serialToIso, isoToSerial, monthsBetween } from "./date.ts";
export { parseTick } from "./tick.ts";
export { canonicalProgramme, parseOutcome, parseCostCategory, PROGRAMMES, OUTCOMES } from "./vocab.ts";
export {
  columnLetter,
  columnIndex,
  toA1,
  parseA1,
  parseRange,
  tryParseA1,
  tryParseRange,
  MAX_COLUMN,
  MAX_ROW,
} from "./address.ts";
export type { CellRange } from "./address.ts";
