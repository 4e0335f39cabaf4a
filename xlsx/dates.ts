/**
 * Dates in a workbook: which number formats show a date or time, the 1904 date system, and ISO
 * 8601 date cells. The snapshot carries every date as a serial of the 1900 system (what Office.js
 * returns for a 1900 workbook), so the reader converts the rest.
 */

/** Days from 1899-12-30 (serial 0 of the 1900 system) to 1970-01-01. */
const UNIX_EPOCH_SERIAL = 25_569;
const DAY_MS = 86_400_000;
/** Serial 0 of the 1904 system (1904-01-01) in the 1900 system. */
export const OFFSET_1904 = 1_462;

/**
 * Built-in number formats that show a date or time (ECMA-376 part 1, 18.8.30, plus the
 * East-Asian ones Excel assigns 27–36 and 50–58).
 */
export function isBuiltInDateFormat(id: number): boolean {
  return (
    (id >= 14 && id <= 22) || (id >= 27 && id <= 36) || (id >= 45 && id <= 47) || (id >= 50 && id <= 58) || (id >= 71 && id <= 81)
  );
}

/**
 * Whether a custom number format code shows a date or time: once quoted text, escaped and
 * padding characters and bracketed parts ([Red], [$-410], [>100]) are removed, a date or time
 * token (d, m, y, h, s, or an elapsed [h]/[m]/[s]) remains in its first section.
 *
 * @example isDateFormatCode('dd/mm/yyyy') // true
 * @example isDateFormatCode('#,##0.00 "mln"') // false
 */
export function isDateFormatCode(code: string): boolean {
  if (/\[(h+|m+|s+)\]/i.test(code)) return true;
  let s = "";
  for (let i = 0; i < code.length; i++) {
    const ch = code[i] as string;
    if (ch === '"') {
      const end = code.indexOf('"', i + 1);
      i = end < 0 ? code.length : end;
    } else if (ch === "\\" || ch === "_" || ch === "*") {
      i++;
    } else if (ch === "[") {
      const end = code.indexOf("]", i + 1);
      i = end < 0 ? code.length : end;
    } else if (ch === ";") {
      break;
    } else {
      s += ch;
    }
  }
  if (/^general$/i.test(s.trim())) return false;
  return /[dmyhs]/i.test(s);
}

/**
 * The 1900-system serial of an ISO 8601 date or date-time cell (`t="d"`): "2021-10-26",
 * "2021-10-26T12:00:00", "2021-10-26T12:00:00.5Z", or a time alone "T12:00:00"/"12:00:00".
 * The written wall-clock time is kept (no time-zone shift), as Excel does.
 * @returns undefined when the text is not an ISO date
 */
export function serialOfIsoDate(text: string): number | undefined {
  const m = /^\s*(?:(\d{4})-(\d{2})-(\d{2}))?(?:T?(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d+))?)?)?(?:Z|[+-]\d{2}:?\d{2})?\s*$/.exec(text);
  if (!m || (m[1] === undefined && m[4] === undefined)) return undefined;
  const [y, mo, d] = m[1] === undefined ? [1899, 12, 30] : [Number(m[1]), Number(m[2]), Number(m[3])];
  const ms = Date.UTC(y, mo - 1, d, Number(m[4] ?? 0), Number(m[5] ?? 0), Number(m[6] ?? 0), m[7] ? Number(`0.${m[7]}`) * 1000 : 0);
  const check = new Date(Date.UTC(y, mo - 1, d));
  if (check.getUTCFullYear() !== y || check.getUTCMonth() !== mo - 1 || check.getUTCDate() !== d) return undefined;
  const serial = ms / DAY_MS + UNIX_EPOCH_SERIAL;
  return Math.round(serial * 1e9) / 1e9;
}
