/**
 * How Excel turns a value written through `range.values` into cell content: like typing it
 * (Range.values: "if the value starts with a plus ("+"), minus ("-"), or equal sign ("="), Excel
 * interprets this value as a formula"; numbers and dates are read in the user's culture).
 * This is what makes formula injection observable in tests: "=1+1" becomes a formula, while
 * "'=1+1" (quote prefix) stays the text "=1+1".
 */
import type { CellValue } from "#core/snapshot/types.ts";
import type { Culture, FakeCell } from "./state.ts";

export type Entered = Omit<FakeCell, "format">;

/** What a formula the fake cannot evaluate shows, as Excel does for an unknown name. */
export const UNEVALUATED = "#NAME?";

function numberFromText(text: string, culture: Culture): number | undefined {
  const group = culture.groupSeparator;
  const decimal = culture.decimalSeparator;
  let t = text.trim();
  let scale = 1;
  if (t.endsWith("%")) {
    scale = 0.01;
    t = t.slice(0, -1);
  }
  const canonical = t.split(group).join("").replace(decimal, ".");
  if (!/^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(canonical)) return undefined;
  return Number(canonical) * scale;
}

/** Excel's serial day number (1900 date system: day 1 is 1900-01-01, serial 60 the phantom 29 Feb 1900). */
export function excelSerial(year: number, month: number, day: number): number | undefined {
  const t = Date.UTC(year, month - 1, day);
  const d = new Date(t);
  if (d.getUTCFullYear() !== year || d.getUTCMonth() !== month - 1 || d.getUTCDate() !== day) return undefined;
  const serial = (t - Date.UTC(1899, 11, 30)) / 86_400_000;
  return serial >= 61 ? serial : undefined; // before March 1900 Excel's calendar is off by a day: not modelled
}

/** Two-digit years as Excel reads them: 00–29 → 2000s, 30–99 → 1900s. */
function fullYear(y: string): number {
  const n = Number(y);
  if (y.length > 2) return n;
  return n < 30 ? 2000 + n : 1900 + n;
}

/**
 * A typed date in the culture's order, as Excel recognises it: "15/3/2024", "15-3-24", "15.3.2024"
 * (it-IT) or "3/15/2024" (en-US); ISO "2024-03-15" everywhere; day and month alone ("15/3",
 * and "1.5" in Italian, where "." is no decimal mark) fall in the current year. Undefined when not a date.
 */
function dateFromText(text: string, culture: Culture): number | undefined {
  const t = text.trim();
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(t);
  if (iso) return excelSerial(Number(iso[1]), Number(iso[2]), Number(iso[3]));
  const order = culture.dateOrder ?? (culture.name.toLowerCase() === "en-us" ? "MDY" : "DMY");
  // "." separates dates only where it is not the decimal mark.
  const separators = culture.decimalSeparator === "." ? "[/-]" : "[/.-]";
  const m = new RegExp(`^(\\d{1,2})(${separators})(\\d{1,2})(?:\\2(\\d{2}|\\d{4}))?$`).exec(t);
  if (!m) return undefined;
  const [a, b] = [Number(m[1]), Number(m[3])];
  const [day, month] = order === "DMY" ? [a, b] : [b, a];
  const year = m[4] === undefined ? new Date().getUTCFullYear() : fullYear(m[4]);
  return excelSerial(year, month, day);
}

/** Content of a cell after writing `raw` into `values` (null never reaches here: it means "leave"). */
export function enterValue(raw: CellValue, culture: Culture): Entered | undefined {
  if (raw === null || raw === "") return undefined;
  if (typeof raw !== "string") return { value: raw };
  if (raw.startsWith("'")) return { value: raw.slice(1), quotePrefix: true };
  const date = dateFromText(raw, culture);
  if (date !== undefined) return { value: date };
  const n = numberFromText(raw, culture);
  if (n !== undefined) return { value: n };
  if (/^[=+\-@]/.test(raw)) return { value: UNEVALUATED, formula: raw.startsWith("=") ? raw : `=${raw}` };
  const upper = raw.toUpperCase();
  const [yes, no] = culture.decimalSeparator === "," ? ["VERO", "FALSO"] : ["TRUE", "FALSE"];
  if (upper === yes) return { value: true };
  if (upper === no) return { value: false };
  return { value: raw };
}

/** Content after writing `raw` into `formulas`: "=…" is a formula, anything else is entered as a value. */
export function enterFormula(raw: CellValue, culture: Culture): Entered | undefined {
  if (typeof raw === "string" && raw.startsWith("=")) return { value: UNEVALUATED, formula: raw };
  return enterValue(raw, culture);
}
