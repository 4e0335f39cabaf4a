/**
 * Reading one value for a field: the values module's parsers (SPEC §4) behind one small surface,
 * with blank → undefined and formula errors checked first. Both the sheet readers and the sync
 * server's row check go through here, so a value means the same in a cell and on the wire.
 */
import type { CellValue, Locale } from "#core/snapshot/types.ts";
import type { Cents, CostCategory, IsoDate, Outcome } from "#core/model.ts";
import {
  canonicalProgramme,
  cleanText,
  isBlank,
  isFormulaError,
  MAX_TEXT,
  parseCostCategory,
  parseDate,
  parseMoney,
  parseNumber,
  parseOutcome,
  parsePercent,
  parseTick,
} from "#core/values/index.ts";
import type { Parsed } from "#core/values/index.ts";

/** A field read: ok with a value (undefined when blank), or a value error reason. */
export type Read<T> = Parsed<T | undefined>;

const BLANK: Read<never> = { ok: true, value: undefined };
const FORMULA_ERROR: Read<never> = { ok: false, reason: "value.formula-error" };

/**
 * A wire value as a cell value: strings, numbers, booleans and null pass; lists are joined with "; "
 * (list fields split them again); anything else becomes its JSON text, which no parser accepts.
 */
export function toCell(raw: unknown): CellValue {
  if (raw === undefined || raw === null) return null;
  if (typeof raw === "string" || typeof raw === "number" || typeof raw === "boolean") return raw;
  if (Array.isArray(raw) && raw.every((x) => typeof x === "string" || typeof x === "number")) return raw.join("; ");
  try {
    return JSON.stringify(raw) ?? String(raw);
  } catch {
    return String(raw);
  }
}

function pre(v: CellValue): Read<never> | undefined {
  if (isBlank(v)) return BLANK;
  if (isFormulaError(v)) return FORMULA_ERROR;
  return undefined;
}

/** true when a character code cannot start or end a trimmed, visible text. */
function isEdgeSpace(c: number): boolean {
  return c <= 32 || c === 0xa0 || c === 0xfeff || (c >= 0x2000 && c <= 0x3000);
}

/**
 * The text itself when it is already clean (trimmed, visible edges, not an error, not too long),
 * else undefined: lets callers skip building a result object for the common case.
 */
export function cleanTextFast(v: unknown): string | undefined {
  if (typeof v !== "string" || v.length === 0 || v.length > MAX_TEXT) return undefined;
  const a = v.charCodeAt(0);
  if (isEdgeSpace(a) || isEdgeSpace(v.charCodeAt(v.length - 1)) || a === 35 /* # */) return undefined;
  return v;
}

/** Cents of a number cell with at most two decimals (exact), else undefined. */
export function centsFast(v: unknown): Cents | undefined {
  // Below 1e11 € a double resolves 1e-4 cent, so the two-decimals test is unambiguous.
  if (typeof v !== "number" || !(v >= 0) || v >= 1e11) return undefined;
  const c = Math.round(v * 100);
  return Math.abs(v * 100 - c) < 1e-4 ? c + 0 : undefined;
}

/** Trimmed text; too long = error. */
export function readText(v: CellValue): Read<string> {
  // Fast path for the common case: text already trimmed and not an error.
  if (typeof v === "string" && v.length > 0 && !isEdgeSpace(v.charCodeAt(0)) && !isEdgeSpace(v.charCodeAt(v.length - 1))) {
    if (v.length > MAX_TEXT) return { ok: false, reason: "value.too-long" };
    if (v.charCodeAt(0) === 35 /* # */ && isFormulaError(v)) return FORMULA_ERROR;
    return { ok: true, value: v };
  }
  const p = pre(v);
  if (p !== undefined) return p;
  const s = cleanText(v);
  if (s !== undefined && s.length > MAX_TEXT) return { ok: false, reason: "value.too-long" };
  return { ok: true, value: s };
}

/** Money in integer cents. */
export function readMoney(v: CellValue, locale: Locale): Read<Cents> {
  // Number cells with at most two decimals (nearly all money): skip the decimal reader.
  const c = centsFast(v);
  if (c !== undefined) return { ok: true, value: c };
  return pre(v) ?? parseMoney(v, locale);
}

/** A non-negative number. */
export function readNumber(v: CellValue, locale: Locale): Read<number> {
  if (typeof v === "number" && v >= 0 && v < Number.POSITIVE_INFINITY) return { ok: true, value: v + 0 };
  return pre(v) ?? parseNumber(v, locale);
}

/** A rate as a fraction ("25%" → 0.25). */
export function readPercent(v: CellValue, locale: Locale): Read<number> {
  return pre(v) ?? parsePercent(v, locale);
}

/** Only short values are remembered: a fuzzed sheet of long texts must not fill memory. */
function memoizable(v: unknown): boolean {
  return typeof v !== "string" || v.length <= 64;
}

/** Date cells repeat (a few years of days): remember each serial's and each text's reading, per locale. */
const DATE_MEMO: Record<Locale, Map<CellValue, Read<IsoDate>>> = { it: new Map(), en: new Map() };

/** An ISO date. */
export function readDate(v: CellValue, locale: Locale): Read<IsoDate> {
  const memo = DATE_MEMO[locale];
  const known = memo.get(v);
  if (known !== undefined) return known;
  const r = pre(v) ?? parseDate(v, locale);
  if (memo.size < 8192 && memoizable(v)) memo.set(v, r);
  return r;
}

const TICK_MEMO = new Map<CellValue, Read<boolean>>();

/** A tick; blank is "not ticked" (undefined). */
export function readTick(v: CellValue): Read<boolean> {
  const known = TICK_MEMO.get(v);
  if (known !== undefined) return known;
  const r = pre(v) ?? parseTick(v);
  if (TICK_MEMO.size < 1024 && memoizable(v)) TICK_MEMO.set(v, r);
  return r;
}

/**
 * Vocabulary cells repeat a handful of words over thousands of rows: remember the answer per text
 * (bounded, so a fuzzed workbook cannot grow it without limit).
 */
function memo<T>(lookup: (text: string) => T): (text: string) => T {
  const cache = new Map<string, T>();
  return (text) => {
    if (cache.has(text)) return cache.get(text) as T;
    const v = lookup(text);
    if (cache.size < 4096 && memoizable(text)) cache.set(text, v);
    return v;
  };
}

/** Canonical programme name, or undefined when the text is not a known programme. */
export const programmeOf: (text: string) => string | undefined = memo(canonicalProgramme);

/** Outcome, or undefined when the text is not a known outcome. */
export const outcomeOf: (text: string) => Outcome | undefined = memo(parseOutcome);

/** Cost category, or undefined when the text is not a known category. */
export const categoryOf: (text: string) => CostCategory | undefined = memo(parseCostCategory);
