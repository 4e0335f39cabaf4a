import type { IsoDate } from "#core/model.ts";
import type { CellValue, Locale } from "#core/snapshot/types.ts";
import { isBlank } from "./blank.ts";
import { civilFromDays, daysFromCivil, daysInMonth, formatIso } from "./calendar.ts";
import { isFormulaError } from "./formula-error.ts";
import { MONTHS } from "./month-names.ts";
import { fail, ok } from "./result.ts";
import type { Parsed } from "./result.ts";

/** Days from Excel's epoch 1899-12-30 (serial 0) to 1970-01-01. */
const EPOCH_OFFSET = 25569;
/** Serial of 9999-12-31, the last date Excel knows. */
const MAX_SERIAL = 2958465;
const MIN_YEAR = 1900;
const MAX_YEAR = 9999;

/** An optional time after the date ("2021-10-26T10:30:00Z", "26/10/2021 10:30"): ignored. */
const TIME = String.raw`(?:[t ]+\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?\s*(?:z|[+-]\d{2}:?\d{2})?)?`;
const ISO = new RegExp(String.raw`^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})${TIME}$`);
const NUMERIC = new RegExp(String.raw`^(\d{1,2})([-/.])(\d{1,2})\2(\d{4}|\d{2})${TIME}$`);
const NUMERIC_MONTH_YEAR = /^(\d{1,2})[-/.](\d{4})$/;
const DAY_MONTH_YEAR = /^(\d{1,2})(?:st|nd|rd|th|°|º)? ([a-z]+) (\d{4}|\d{2})$/;
const MONTH_DAY_YEAR = /^([a-z]+) (\d{1,2})(?:st|nd|rd|th)? (\d{4})$/;
const MONTH_YEAR = /^([a-z]+) (\d{4})$/;
/** Excel's "mmm-yy" display ("oct-21"): a two-digit year only with the hyphen. */
const MONTH_YY = /^([a-z]+)-(\d{2})$/;
const MARKS = /\p{M}+/gu;
const DATE_PUNCT = /[\s,./-]+/g;
const STRICT_ISO = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Excel's two-digit year window: 00–29 → 2000s, 30–99 → 1900s. */
function fullYear(text: string): number {
  const y = Number(text);
  if (text.length > 2) return y;
  return y < 30 ? 2000 + y : 1900 + y;
}

/** Checks the parts and builds the ISO date. */
function civil(y: number, m: number, d: number): Parsed<IsoDate> {
  if (y < MIN_YEAR || y > MAX_YEAR || m < 1 || m > 12 || d < 1 || d > daysInMonth(y, m)) {
    return fail("value.impossible-date");
  }
  return ok(formatIso(y, m, d));
}

/** Dates written with month names: "26 ottobre 2021", "October 26, 2021", "ott 2021", "Oct-21". */
function parseWordDate(t: string): Parsed<IsoDate> {
  const plain = t.normalize("NFD").replace(MARKS, "");
  const yy = MONTH_YY.exec(plain);
  if (yy) {
    const m = MONTHS.get(yy[1] ?? "");
    return m ? civil(fullYear(yy[2] ?? ""), m, 1) : fail("value.not-a-date");
  }
  const s = plain.replace(DATE_PUNCT, " ").trim();
  let r = DAY_MONTH_YEAR.exec(s);
  if (r) {
    const m = MONTHS.get(r[2] ?? "");
    return m ? civil(fullYear(r[3] ?? ""), m, Number(r[1])) : fail("value.not-a-date");
  }
  r = MONTH_DAY_YEAR.exec(s);
  if (r) {
    const m = MONTHS.get(r[1] ?? "");
    return m ? civil(Number(r[3]), m, Number(r[2])) : fail("value.not-a-date");
  }
  r = MONTH_YEAR.exec(s);
  if (r) {
    const m = MONTHS.get(r[1] ?? "");
    return m ? civil(Number(r[2]), m, 1) : fail("value.not-a-date");
  }
  return fail("value.not-a-date");
}

/**
 * Reads a date (SPEC §4) as ISO "yyyy-mm-dd". Serial numbers (1899-12-30 epoch; a fraction is
 * a time of day and is dropped); "dd/mm/yyyy", "d/m/yyyy", "dd-mm-yyyy", "dd.mm.yyyy" (under
 * "en", US order "mm/dd/yyyy" for "/" and "-"; dotted dates are always day first);
 * "yyyy-mm-dd"; "26 ottobre 2021", "26 October 2021"; month-year ("ott 2021", "10/2021",
 * "Oct-21") as the first day. Impossible dates (31/02/2022) are `value.impossible-date`.
 * Pure arithmetic: no Date object, no time-zone drift.
 *
 * @example parseDate("29/02/2024", "it") // { ok: true, value: "2024-02-29" }
 */
export function parseDate(v: CellValue, locale: Locale): Parsed<IsoDate> {
  if (typeof v === "number") {
    if (!Number.isFinite(v) || v < 1 || v >= MAX_SERIAL + 1) return fail("value.not-a-date");
    return ok(serialToIso(v));
  }
  if (typeof v !== "string" || isBlank(v)) return fail("value.not-a-date");
  if (isFormulaError(v)) return fail("value.formula-error");
  const t = v.trim().toLowerCase();
  let r = ISO.exec(t);
  if (r) return civil(Number(r[1]), Number(r[2]), Number(r[3]));
  r = NUMERIC.exec(t);
  if (r) {
    const a = Number(r[1]);
    const b = Number(r[3]);
    const monthFirst = locale === "en" && r[2] !== ".";
    return civil(fullYear(r[4] ?? ""), monthFirst ? a : b, monthFirst ? b : a);
  }
  r = NUMERIC_MONTH_YEAR.exec(t);
  if (r) return civil(Number(r[2]), Number(r[1]), 1);
  return parseWordDate(t);
}

/**
 * The ISO date of an Excel serial (1900 date system, epoch 1899-12-30, fraction dropped).
 * Serials below 61 differ by a day from what Excel displays because of Excel's fictitious
 * 1900-02-29; plan dates are never that old.
 *
 * @example serialToIso(44495) // "2021-10-26"
 */
export function serialToIso(serial: number): IsoDate {
  const { y, m, d } = civilFromDays(Math.floor(serial) - EPOCH_OFFSET);
  return formatIso(y, m, d);
}

/** Splits a strict ISO date; undefined when malformed. */
function isoParts(iso: IsoDate): { y: number; m: number; d: number } | undefined {
  const r = STRICT_ISO.exec(iso);
  if (!r) return undefined;
  return { y: Number(r[1]), m: Number(r[2]), d: Number(r[3]) };
}

/**
 * The Excel serial of an ISO date (inverse of {@link serialToIso}); NaN when `iso` is not
 * "yyyy-mm-dd".
 *
 * @example isoToSerial("2021-10-26") // 44495
 */
export function isoToSerial(iso: IsoDate): number {
  const p = isoParts(iso);
  return p ? daysFromCivil(p.y, p.m, p.d) + EPOCH_OFFSET : Number.NaN;
}

/**
 * Whole months from a to b (negative when b is earlier); used for "dormant" (> 12 months).
 * A month is complete when b's day of month reaches a's, or b is the last day of its month
 * (2021-01-31 → 2021-02-28 is one month). NaN when either date is malformed.
 *
 * @example monthsBetween("2021-10-26", "2022-10-25") // 11
 */
export function monthsBetween(a: IsoDate, b: IsoDate): number {
  const p = isoParts(a);
  const q = isoParts(b);
  if (!p || !q) return Number.NaN;
  if (b < a) return -monthsBetween(b, a);
  const months = (q.y - p.y) * 12 + (q.m - p.m);
  const complete = q.d >= p.d || q.d === daysInMonth(q.y, q.m);
  return complete ? months : months - 1;
}
