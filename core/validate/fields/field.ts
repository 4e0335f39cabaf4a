/**
 * Field helpers shared by the per-kind field tables: read a raw value, record a problem when it
 * cannot be read, and return the value (undefined when blank or faulty — a faulty field stays empty).
 */
import type { CellValue, Locale } from "#core/snapshot/types.ts";
import type { Cents, IsoDate } from "#core/model.ts";
import type { FieldProblem } from "../problem.ts";
import { centsFast, cleanTextFast, readDate, readMoney, readNumber, readPercent, readText, readTick, toCell } from "./cells.ts";
import type { Read } from "./cells.ts";

/** What a field parser needs besides the value. */
export interface FieldCtx {
  /** Number/date locale of the source. */
  locale: Locale;
}

/** Problems found while reading one row. */
export type Problems = FieldProblem[];

function take<T>(r: Read<T>, field: string, raw: unknown, out: Problems): T | undefined {
  if (r.ok) return r.value;
  out.push({ severity: "error", code: r.reason, field, value: raw });
  return undefined;
}

/** Trimmed text of a field. */
export function textField(raw: unknown, field: string, out: Problems): string | undefined {
  const fast = cleanTextFast(raw);
  if (fast !== undefined) return fast;
  const v = toCell(raw);
  const r = readText(v);
  if (!r.ok && r.reason === "value.too-long") {
    out.push({ severity: "error", code: r.reason, field, value: `${String(v).slice(0, 40)}…`, params: { length: String(v).length } });
    return undefined;
  }
  return take(r, field, raw, out);
}

/** A code: numbers become their shortest text (5 → "5", 5.1 → "5.1"). */
export function codeField(raw: unknown, field: string, out: Problems): string | undefined {
  return textField(raw, field, out);
}

/** Money in cents (wire form: euro numbers). */
export function moneyField(raw: unknown, field: string, ctx: FieldCtx, out: Problems): Cents | undefined {
  const fast = centsFast(raw);
  if (fast !== undefined) return fast;
  return take(readMoney(toCell(raw), ctx.locale), field, raw, out);
}

/** A non-negative number. */
export function numberField(raw: unknown, field: string, ctx: FieldCtx, out: Problems): number | undefined {
  return take(readNumber(toCell(raw), ctx.locale), field, raw, out);
}

/** A rate as a fraction. */
export function percentField(raw: unknown, field: string, ctx: FieldCtx, out: Problems): number | undefined {
  return take(readPercent(toCell(raw), ctx.locale), field, raw, out);
}

/** An ISO date. */
export function dateField(raw: unknown, field: string, ctx: FieldCtx, out: Problems): IsoDate | undefined {
  return take(readDate(toCell(raw), ctx.locale), field, raw, out);
}

/** A tick (undefined when blank). */
export function tickField(raw: unknown, field: string, out: Problems): boolean | undefined {
  return take(readTick(toCell(raw)), field, raw, out);
}

/** "1 Agentia …", "2) Zenit …": the numbering of a pasted list is not part of the name. */
const LIST_NUMBERING = /^\d{1,3}[.)]?\s+/;

/** A list split on ";", "," and new lines; a wire array is taken item by item. */
export function listField(raw: unknown, field: string, out: Problems): string[] | undefined {
  if (Array.isArray(raw)) {
    const items: string[] = [];
    for (const item of raw) {
      const t = textField(item, field, out);
      if (t !== undefined) items.push(t);
    }
    return items.length > 0 ? items : undefined;
  }
  const text = textField(raw, field, out);
  if (text === undefined) return undefined;
  // Split by hand on the separators (a run of them gives empty parts, dropped): the regular
  // expression split was a visible cost on every partner list of a 10 000-project sheet.
  const items: string[] = [];
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === SEMICOLON || c === COMMA || c === LF || c === CR) {
      if (i > start) pushListItem(items, text.slice(start, i));
      start = i + 1;
    }
  }
  if (start < text.length) pushListItem(items, start === 0 ? text : text.slice(start));
  return items.length > 0 ? items : undefined;
}

const SEMICOLON = 59;
const COMMA = 44;
const LF = 10;
const CR = 13;

/** One list item, trimmed and without a leading "1." / "2)" numbering; blanks are dropped. */
function pushListItem(items: string[], part: string): void {
  let t = part.trim();
  const c = t.charCodeAt(0);
  if (c >= 48 && c <= 57) t = t.replace(LIST_NUMBERING, "").trim();
  if (t !== "") items.push(t);
}

/** The raw cell as text, for `extra` columns (never an error). */
export function extraText(raw: unknown): string | undefined {
  const v: CellValue = toCell(raw);
  if (v === null) return undefined;
  const s = typeof v === "string" ? v.trim() : String(v);
  return s === "" ? undefined : s;
}
