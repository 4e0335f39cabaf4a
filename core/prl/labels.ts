import { MILESTONE_WORDS } from "#core/i18n/vocabulary.ts";
import type { Locale } from "#core/snapshot/types.ts";

/**
 * The milestone name of a PRL level: 1 "Idea", 2 "Concept"/"Concetto", … 9 "Delivered"/"Concluso"
 * (the words live in the display vocabulary, `#core/i18n/vocabulary.ts`).
 * Level 0 and anything outside 0–9 give "—". A fractional level (an average) names the milestone
 * it has fully reached (6.5 → "Submitted").
 */
export function prlLabel(level: number, locale: Locale): string {
  if (!Number.isFinite(level) || level < 1 || level >= 10) return "—";
  return MILESTONE_WORDS[Math.floor(level) - 1]?.[locale] ?? "—";
}
