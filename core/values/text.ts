import type { CellValue } from "#core/snapshot/types.ts";
import { isBlank } from "./blank.ts";
import { isFormulaError } from "./formula-error.ts";
import { fail, ok } from "./result.ts";
import type { Parsed } from "./result.ts";

/** Excel's maximum number of characters in a cell (SPEC §4). */
export const MAX_TEXT = 32767;

/** Trims ordinary, non-breaking and zero-width spaces at both ends. */
const EDGES = /^(?:[\s\u200B\u200C\u2060]|\u200D)+|(?:[\s\u200B\u200C\u2060]|\u200D)+$/g;

/**
 * The cell as trimmed text, or undefined when blank. Numbers become their shortest decimal text
 * ("5" for 5); booleans become "TRUE"/"FALSE", the way Excel shows them.
 *
 * @example cleanText("  Horizon\u00a0") // "Horizon"
 */
export function cleanText(v: CellValue): string | undefined {
  if (v === null) return undefined;
  if (typeof v === "number") return String(v);
  if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
  if (isBlank(v)) return undefined;
  return v.replace(EDGES, "");
}

/**
 * Like {@link cleanText}, but reports formula errors and text over {@link MAX_TEXT} characters.
 * A blank cell is `{ ok: true, value: undefined }`.
 */
export function parseText(v: CellValue): Parsed<string | undefined> {
  if (isFormulaError(v)) return fail("value.formula-error");
  const s = cleanText(v);
  if (s !== undefined && s.length > MAX_TEXT) return fail("value.too-long");
  return ok(s);
}

const MARKS = /\p{M}+/gu;
/** Punctuation, symbols and every kind of space become one separator. */
const SEPARATORS = /[\p{P}\p{S}\p{Z}\s]+/gu;
/** Already folded: lower-case ASCII words separated by single spaces. */
const FOLDED = /^[a-z0-9]+(?: [a-z0-9]+)*$/;
const NOT_SPACE = /(?:[\s\u200B\u200C\u2060]|\u200D)+/g;
/** Latin letters NFD does not split into base + accent ("Skłodowska", "Øresund", "Straße"). */
const UNSPLIT = /[łøđßæœı]/g;
const UNSPLIT_BASE: Readonly<Record<string, string>> = { ł: "l", ø: "o", đ: "d", ß: "ss", æ: "ae", œ: "oe", ı: "i" };
const toBase = (ch: string): string => UNSPLIT_BASE[ch] ?? ch;

/**
 * Folds a heading or vocabulary word for comparison (SPEC §3): lower-case, accents removed,
 * punctuation and symbols turned into spaces, spaces collapsed, trimmed — so a trailing ":" goes.
 * Text made only of punctuation ("#", "✓", "?") folds to itself without spaces rather than to "",
 * so such headings and ticks stay distinguishable from a blank cell.
 *
 * @example foldText("PRIORITÀ STRATEGICA :") // "priorita strategica"
 */
export function foldText(s: string): string {
  if (FOLDED.test(s)) return s;
  const lower = s.normalize("NFD").replace(MARKS, "").toLowerCase().replace(UNSPLIT, toBase);
  const folded = lower.replace(SEPARATORS, " ").trim();
  if (folded.length > 0) return folded;
  return lower.replace(NOT_SPACE, "");
}
