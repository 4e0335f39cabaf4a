import type { Locale } from "#core/snapshot/types.ts";

/** Milestone names by level 1..9 (SPEC §6), English and Italian. */
const LABELS: Record<Locale, readonly string[]> = {
  en: [
    "Idea",
    "Concept",
    "Call identified",
    "Consortium",
    "Proposal ready",
    "Submitted",
    "Above threshold",
    "Funded",
    "Delivered",
  ],
  it: [
    "Idea",
    "Concetto",
    "Bando individuato",
    "Partenariato",
    "Proposta pronta",
    "Presentato",
    "Sopra soglia",
    "Finanziato",
    "Concluso",
  ],
};

/**
 * The milestone name of a PRL level: 1 "Idea", 2 "Concept"/"Concetto", … 9 "Delivered"/"Concluso".
 * Level 0 and anything outside 0–9 give "—". A fractional level (an average) names the milestone
 * it has fully reached (6.5 → "Submitted").
 */
export function prlLabel(level: number, locale: Locale): string {
  if (!Number.isFinite(level) || level < 1 || level >= 10) return "—";
  return LABELS[locale][Math.floor(level) - 1] ?? "—";
}
