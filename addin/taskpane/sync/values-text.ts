import { displayWord } from "#core/i18n/vocabulary.ts";
import type { Locale } from "#core/snapshot/types.ts";

/** Fields whose values are codes of a vocabulary, shown as the vocabulary's words. */
const VOCABULARY_FIELDS = { outcome: "outcome", category: "costCategory" } as const;

/**
 * How a wire value is shown in the sync tables (short, plain text). With its field and the
 * locale, a code is shown as its display word ("Esito: in attesa di valutazione", not
 * `under-evaluation`).
 */
export function valueText(v: unknown, field?: string, locale?: Locale): string {
  const vocabulary =
    field !== undefined && Object.prototype.hasOwnProperty.call(VOCABULARY_FIELDS, field)
      ? VOCABULARY_FIELDS[field as keyof typeof VOCABULARY_FIELDS]
      : undefined;
  if (vocabulary !== undefined && locale !== undefined && typeof v === "string") return displayWord(vocabulary, v, locale);
  return plainText(v);
}

function plainText(v: unknown): string {
  if (v === undefined || v === null || v === "") return "—";
  if (Array.isArray(v)) return v.map(plainText).join(", ");
  if (typeof v === "object") {
    return Object.entries(v as Record<string, unknown>)
      .filter(([, x]) => x !== undefined && x !== false)
      .map(([k, x]) => (x === true ? k : `${k}: ${plainText(x)}`))
      .join(", ");
  }
  return String(v);
}

/** The fields of two rows whose values differ, in name order, for side-by-side views. */
export function differingFields(a: Record<string, unknown>, b: Record<string, unknown>): string[] {
  const names = new Set([...Object.keys(a), ...Object.keys(b)]);
  return [...names].filter((n) => JSON.stringify(a[n] ?? null) !== JSON.stringify(b[n] ?? null)).sort();
}
