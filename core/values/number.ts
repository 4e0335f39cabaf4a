import type { Cents } from "#core/model.ts";
import type { CellValue, Locale } from "#core/snapshot/types.ts";
import { isBlank } from "./blank.ts";
import { decimalToCents, decimalToNumber, numberToDecimal, readDecimalText } from "./decimal.ts";
import type { Decimal } from "./decimal.ts";
import { isFormulaError } from "./formula-error.ts";
import { fail, ok } from "./result.ts";
import type { Parsed } from "./result.ts";

export { centsToEuro, formatMoney } from "./money.ts";

const PERCENT_SUFFIX = /\s*%$/;

/** Reads any cell into an exact decimal, or the reason it is not a usable non-negative number. */
function readDecimal(v: CellValue, locale: Locale): Parsed<Decimal> {
  if (typeof v === "number") {
    if (!Number.isFinite(v)) return fail("value.not-finite");
    if (v < 0) return fail("value.negative");
    const d = numberToDecimal(v);
    return d ? ok(d) : fail("value.not-a-number");
  }
  if (typeof v !== "string" || isBlank(v)) return fail("value.not-a-number");
  if (isFormulaError(v)) return fail("value.formula-error");
  const t = v.trim().toLowerCase();
  const d = readDecimalText(t, locale);
  if (d) return d.negative && !isZero(d) ? fail("value.negative") : ok(d);
  return NON_FINITE.has(t) ? fail("value.not-finite") : fail("value.not-a-number");
}

/** Texts that spell out a non-finite value (what JavaScript or Excel exports would print). */
const NON_FINITE: ReadonlySet<string> = new Set(["nan", "infinity", "+infinity", "-infinity", "inf", "-inf", "∞", "-∞"]);

function isZero(d: Decimal): boolean {
  for (const ch of d.int + d.frac) if (ch !== "0") return false;
  return true;
}

/**
 * Reads a number (SPEC §4): numeric cells as they are; text with "€"/"EUR", spaces,
 * non-breaking spaces, magnitude words (k, mln/milioni/million, mld/miliardi/billion) and
 * "."/"," separators read by the locale's rules. Never throws.
 *
 * @example parseNumber("€ 499.875,00", "it") // { ok: true, value: 499875 }
 * @example parseNumber("260 milioni", "it")   // { ok: true, value: 260000000 }
 */
export function parseNumber(v: CellValue, locale: Locale): Parsed<number> {
  if (typeof v === "number") {
    if (!Number.isFinite(v)) return fail("value.not-finite");
    return v < 0 ? fail("value.negative") : ok(v === 0 ? 0 : v);
  }
  const d = readDecimal(v, locale);
  if (!d.ok) return d;
  const n = decimalToNumber(d.value);
  return Number.isFinite(n) ? ok(n) : fail("value.not-finite");
}

/**
 * Reads an amount of money as integer euro cents, rounding half up from the exact digits
 * (never by multiplying floats). Amounts beyond the safe-integer range are `value.not-finite`.
 *
 * @example parseMoney("€ 499.875,00", "it") // { ok: true, value: 49987500 }
 */
export function parseMoney(v: CellValue, locale: Locale): Parsed<Cents> {
  const d = readDecimal(v, locale);
  if (!d.ok) return d;
  const c = decimalToCents(d.value);
  return Number.isNaN(c) ? fail("value.not-finite") : ok(c);
}

/**
 * Reads a percentage as a fraction: "25%", "25 %", 0.25 and "0,25" are 0.25. A bare number
 * above 1 is taken as a percentage (25 → 0.25); 1 stays 1 (100 %).
 *
 * @example parsePercent("12,5%", "it") // { ok: true, value: 0.125 }
 */
export function parsePercent(v: CellValue, locale: Locale): Parsed<number> {
  let cell = v;
  let percent = false;
  if (typeof v === "string" && PERCENT_SUFFIX.test(v)) {
    cell = v.replace(PERCENT_SUFFIX, "");
    percent = true;
    if (isBlank(cell)) return fail("value.not-a-number");
  }
  const d = readDecimal(cell, locale);
  if (!d.ok) return d;
  const whole = decimalToNumber(d.value);
  if (!Number.isFinite(whole)) return fail("value.not-finite");
  return ok(percent || whole > 1 ? decimalToNumber(d.value, -2) : whole);
}
