import type { CellValue } from "#core/snapshot/types.ts";
import { isBlank } from "./blank.ts";
import { isFormulaError } from "./formula-error.ts";
import { fail, ok } from "./result.ts";
import type { Parsed } from "./result.ts";

const MARKS = /\p{M}+/gu;
const SPACES = /\s+/g;

/** Folded tick words (lower-case, no accents, no spaces) → ticked or not (SPEC §3). */
const TICKS: ReadonlyMap<string, boolean> = new Map<string, boolean>([
  ...["true", "vero", "si", "si'", "yes", "y", "x", "✓", "✔", "☑", "✅", "1"].map((w) => [w, true] as const),
  ...["false", "falso", "no", "n", "0", "?", "n/d", "nd", "n.d.", "-", "✗", "✘", "☐"].map((w) => [w, false] as const),
]);

const TRUE: Parsed<boolean> = ok(true);
const FALSE: Parsed<boolean> = ok(false);

/**
 * Reads a PRL tick cell (SPEC §3): TRUE, VERO, Sì, Si, Yes, X, ✓, 1 are ticked; blank, FALSE,
 * FALSO, No, 0, ?, N/D are not; anything else is `value.not-a-tick`.
 *
 * @example parseTick("Sì") // { ok: true, value: true }
 */
export function parseTick(v: CellValue): Parsed<boolean> {
  if (v === null) return FALSE;
  if (typeof v === "boolean") return v ? TRUE : FALSE;
  if (typeof v === "number") return v === 1 ? TRUE : v === 0 ? FALSE : fail("value.not-a-tick");
  if (isBlank(v)) return FALSE;
  if (isFormulaError(v)) return fail("value.formula-error");
  const key = v.normalize("NFD").replace(MARKS, "").toLowerCase().replace(SPACES, "");
  const tick = TICKS.get(key);
  if (tick === undefined) return fail("value.not-a-tick");
  return tick ? TRUE : FALSE;
}
