/**
 * How Excel turns a value written through `range.values` into cell content: like typing it.
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

/** Content of a cell after writing `raw` into `values` (null never reaches here: it means "leave"). */
export function enterValue(raw: CellValue, culture: Culture): Entered | undefined {
  if (raw === null || raw === "") return undefined;
  if (typeof raw !== "string") return { value: raw };
  if (raw.startsWith("'")) return { value: raw.slice(1), quotePrefix: true };
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
