/**
 * Exact decimal reading of numeric text (SPEC §4), shared by numbers, money and percentages.
 * Internal to core/values: the result keeps the digits as strings so money can be rounded to
 * cents without binary floating point on the way.
 */
import type { Locale } from "#core/snapshot/types.ts";

/** A non-negative decimal `int.frac × 10^scale`, digits as written (int may be ""). */
export interface Decimal {
  int: string;
  frac: string;
  scale: number;
  negative: boolean;
}

/**
 * Sign, currency (before or after), digits with separators and spaces, a magnitude word, and
 * an optional "di euro" ("260 milioni di euro"). Matched on lower-cased, trimmed text.
 */
const NUMBER_TEXT =
  /^([-+\u2212]?)\s*(?:€|euros|euro|eur)?\s*([-+\u2212]?)\s*(\d[\d.,\s]*|[.,]\d[\d\s]*)\s*(?:(k|mila|thousand|mln|mio|milioni|milione|millions|million|mld|mrd|miliardi|miliardo|billions|billion|bn)\.?)?\s*(?:di\s+)?(?:€|euros|euro|eur)?$/;
const SPACES = /\s+/g;
const PLAIN_INT = /^\d{1,15}$/;
/** Bare digits and separators, the common case: skips the full pattern. */
const PLAIN_DIGITS = /^\d[\d.,]*$/;
const DIGITS = /^\d*$/;
const GROUP = /^\d{3}$/;
const LEAD_GROUP = /^(?:0|[1-9]\d{0,2})$/;
/** `String(number)` forms: "12", "0.5", "1e+21", "1.5e-7". */
const NUMBER_STRING = /^(\d+)(?:\.(\d+))?(?:e([+-]?\d+))?$/;

const SCALES: Readonly<Record<string, number>> = {
  k: 3, mila: 3, thousand: 3,
  mln: 6, mio: 6, milioni: 6, milione: 6, million: 6, millions: 6,
  mld: 9, mrd: 9, miliardi: 9, miliardo: 9, billion: 9, billions: 9, bn: 9,
};

/** Thousands groups: first 1–3 digits (not a lone leading zero before a group), then threes. */
function validGroups(s: string, mark: string): boolean {
  const parts = s.split(mark);
  const first = parts[0] ?? "";
  if (!LEAD_GROUP.test(first) || first === "0") return false;
  for (let i = 1; i < parts.length; i++) if (!GROUP.test(parts[i] ?? "")) return false;
  return true;
}

function count(s: string, ch: string): number {
  let n = 0;
  for (let i = s.indexOf(ch); i !== -1; i = s.indexOf(ch, i + 1)) n++;
  return n;
}

/** Splits digits with "." and "," into integer and fraction digits by the SPEC §4 rules. */
function splitSeparators(s: string, locale: Locale): { int: string; frac: string } | undefined {
  const dot = s.lastIndexOf(".");
  const comma = s.lastIndexOf(",");
  if (dot === -1 && comma === -1) return { int: s, frac: "" };
  if (dot !== -1 && comma !== -1) {
    // Both marks: the last one is the decimal mark, the other groups thousands.
    const at = Math.max(dot, comma);
    const thousands = at === dot ? "," : ".";
    const int = s.slice(0, at);
    const frac = s.slice(at + 1);
    if (!DIGITS.test(frac) || !validGroups(int, thousands)) return undefined;
    return { int: int.split(thousands).join(""), frac };
  }
  const mark = dot === -1 ? "," : ".";
  const n = count(s, mark);
  // Which reading the locale prefers for a lone mark: "," is decimal in Italian and groups
  // thousands in English; "." groups thousands in Italian only when it looks like grouping.
  const grouping = validGroups(s, mark);
  const thousands = mark === "," ? locale === "en" : locale !== "en" && grouping;
  if (thousands || n > 1) return grouping ? { int: s.split(mark).join(""), frac: "" } : undefined;
  const at = s.indexOf(mark);
  return { int: s.slice(0, at), frac: s.slice(at + 1) };
}

/**
 * Reads numeric text into a {@link Decimal}, or undefined when it is not a number.
 * Input is expected trimmed and lower-cased.
 */
export function readDecimalText(t: string, locale: Locale): Decimal | undefined {
  if (PLAIN_INT.test(t)) return { int: t, frac: "", scale: 0, negative: false };
  if (PLAIN_DIGITS.test(t)) {
    const parts = splitSeparators(t, locale);
    return parts ? { int: parts.int, frac: parts.frac, scale: 0, negative: false } : undefined;
  }
  let negative = false;
  let s = t;
  // Accounting negatives: "(1.000)".
  if (s.length > 2 && s.charCodeAt(0) === 40 && s.charCodeAt(s.length - 1) === 41) {
    negative = true;
    s = s.slice(1, -1).trim();
  }
  const m = NUMBER_TEXT.exec(s);
  if (!m) return undefined;
  const sign = (m[1] ?? "") + (m[2] ?? "");
  if (sign.length > 1) return undefined;
  if (sign === "-" || sign === "\u2212") negative = true;
  const digits = (m[3] ?? "").replace(SPACES, "");
  const parts = splitSeparators(digits, locale);
  if (!parts || (parts.int.length === 0 && parts.frac.length === 0)) return undefined;
  return { int: parts.int, frac: parts.frac, scale: m[4] ? (SCALES[m[4]] ?? 0) : 0, negative };
}

/** The decimal form of a finite non-negative number, via its shortest round-trip text. */
export function numberToDecimal(n: number): Decimal | undefined {
  const m = NUMBER_STRING.exec(String(n));
  if (!m) return undefined;
  return { int: m[1] ?? "", frac: m[2] ?? "", scale: m[3] ? Number(m[3]) : 0, negative: false };
}

/** The nearest double to the decimal, shifted by `shift` more powers of ten. */
export function decimalToNumber(d: Decimal, shift = 0): number {
  return Number(`${d.int || "0"}.${d.frac || "0"}e${d.scale + shift}`);
}

/**
 * The decimal in integer hundredths, rounded half up from the exact digits (no float
 * multiplication: 0.285 € is 29 cents, not 28). NaN beyond the safe-integer range.
 */
export function decimalToCents(d: Decimal): number {
  const digits = d.int + d.frac;
  const point = d.int.length + d.scale + 2;
  let whole: string;
  let next: string;
  if (point >= digits.length) {
    whole = digits + "0".repeat(point - digits.length);
    next = "0";
  } else if (point <= 0) {
    whole = "0";
    next = point === 0 ? (digits[0] ?? "0") : "0";
  } else {
    whole = digits.slice(0, point);
    next = digits[point] ?? "0";
  }
  const cents = Number(whole || "0") + (next >= "5" ? 1 : 0);
  return Number.isSafeInteger(cents) ? cents : Number.NaN;
}
