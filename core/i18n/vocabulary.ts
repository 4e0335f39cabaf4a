/**
 * The display words of every canonical value, in Italian and English: what people read in the
 * pane, the CLI, API and nightly messages and the overview sheet instead of our internal codes
 * (`under-evaluation` reads "in attesa di valutazione" / "under evaluation"). Outcome and cost
 * category words read back to the same code (`parseOutcome`, `parseCostCategory`), so the
 * add-in can also write them into a sheet.
 */
import type { CostCategory, EntityKind, Outcome } from "#core/model.ts";
import type { Locale } from "#core/snapshot/types.ts";
import { NOT_DEFINED } from "#core/report/rollups.ts";
import type { RunFile } from "#core/sync/protocol.ts";
import type { CatalogueEntry } from "./catalogue.ts";

type RunFileStatus = RunFile["status"];

/** Outcome words (SPEC §3), the first synonym of each in both languages. */
export const OUTCOME_WORDS: Readonly<Record<Outcome, CatalogueEntry>> = {
  idea: { it: "idea", en: "idea" },
  drafting: { it: "in preparazione", en: "drafting" },
  submitted: { it: "presentato", en: "submitted" },
  "under-evaluation": { it: "in attesa di valutazione", en: "under evaluation" },
  reserve: { it: "in riserva", en: "reserve list" },
  funded: { it: "finanziato", en: "funded" },
  rejected: { it: "respinto", en: "rejected" },
  withdrawn: { it: "ritirato", en: "withdrawn" },
  running: { it: "in corso", en: "running" },
  closed: { it: "concluso", en: "closed" },
};

/** Cost category words, as the seed scheme and Horizon budgets name them. */
export const COST_CATEGORY_WORDS: Readonly<Record<CostCategory, CatalogueEntry>> = {
  coordinator: { it: "Coordinatore", en: "Coordinator" },
  personnel: { it: "Personale", en: "Personnel" },
  equipment: { it: "Attrezzature", en: "Equipment" },
  communication: { it: "Comunicazione", en: "Communication" },
  overhead: { it: "Spese generali", en: "Overhead" },
  subcontracting: { it: "Subappalto", en: "Subcontracting" },
  travel: { it: "Viaggi e missioni", en: "Travel" },
  "goods-services": { it: "Altri beni e servizi", en: "Other goods and services" },
  "other-direct": { it: "Altri costi diretti", en: "Other direct costs" },
};

/** Entity kinds, as a word inside a sentence ("Conflitto sul progetto …"). */
export const ENTITY_WORDS: Readonly<Record<EntityKind, CatalogueEntry>> = {
  priority: { it: "priorità", en: "priority" },
  line: { it: "linea", en: "line" },
  project: { it: "progetto", en: "project" },
  budget: { it: "riga di budget", en: "budget row" },
};

/** Entity kinds as a label or column value ("Progetto"). */
export const ENTITY_LABELS: Readonly<Record<EntityKind, CatalogueEntry>> = {
  priority: { it: "Priorità", en: "Priority" },
  line: { it: "Linea", en: "Line" },
  project: { it: "Progetto", en: "Project" },
  budget: { it: "Budget", en: "Budget" },
};

/** The result of a pushed row (SPEC §9), short enough for a badge at the pane's 320 px. */
export const SYNC_STATUS_WORDS: Readonly<Record<"applied" | "unchanged" | "conflict" | "invalid", CatalogueEntry>> = {
  applied: { it: "Applicata", en: "Applied" },
  unchanged: { it: "Invariata", en: "Unchanged" },
  conflict: { it: "Conflitto", en: "Conflict" },
  invalid: { it: "Non valida", en: "Invalid" },
};

/**
 * A file's status in a nightly run report (`RunFile["status"]`, SPEC §9), as the pane's run
 * report and the nightly console say it.
 */
export const RUN_STATUS_WORDS: Readonly<Record<RunFileStatus, CatalogueEntry>> = {
  applied: { it: "aggiornato", en: "updated" },
  unchanged: { it: "nulla di nuovo", en: "nothing new" },
  "needs-attention": { it: "da guardare", en: "needs a person" },
  "skipped-unchanged": {
    it: "non modificato dall'ultima volta: restano aperti i problemi elencati",
    en: "not modified since last time: the problems listed are still open",
  },
  error: { it: "non letto o non inviato", en: "not read or not pushed" },
};

/** PRL milestone names by level 1..9 (SPEC §6). */
export const MILESTONE_WORDS: readonly CatalogueEntry[] = [
  { it: "Idea", en: "Idea" },
  { it: "Concetto", en: "Concept" },
  { it: "Bando individuato", en: "Call identified" },
  { it: "Partenariato", en: "Consortium" },
  { it: "Proposta pronta", en: "Proposal ready" },
  { it: "Presentato", en: "Submitted" },
  { it: "Sopra soglia", en: "Above threshold" },
  { it: "Finanziato", en: "Funded" },
  { it: "Concluso", en: "Delivered" },
];

/** The vocabularies a value can belong to. */
export type Vocabulary = "outcome" | "costCategory" | "entity" | "syncStatus" | "runStatus";

const TABLES: Readonly<Record<Vocabulary, Readonly<Record<string, CatalogueEntry>>>> = {
  outcome: OUTCOME_WORDS,
  costCategory: COST_CATEGORY_WORDS,
  entity: ENTITY_WORDS,
  syncStatus: SYNC_STATUS_WORDS,
  runStatus: RUN_STATUS_WORDS,
};

/**
 * The display word of a canonical value; a value outside the vocabulary (an unknown programme
 * kept as written, a label the sheet had) is shown as it is. Programmes need no entry: their
 * canonical names ("Horizon Europe", "PR-FESR") are proper names, the same in both languages.
 *
 * @example displayWord("outcome", "under-evaluation", "it") // "in attesa di valutazione"
 */
export function displayWord(vocabulary: Vocabulary, value: string, locale: Locale): string {
  const table = TABLES[vocabulary];
  return Object.prototype.hasOwnProperty.call(table, value) ? (table[value]?.[locale] ?? value) : value;
}

/** The outcome word, or "" for none (a convenience for table cells). */
export function outcomeWord(outcome: string | undefined, locale: Locale): string {
  return outcome === undefined ? "" : displayWord("outcome", outcome, locale);
}

/** What a table shows for a value that is not there ("n.d." in Italian, "n/a" in English). */
export const NOT_AVAILABLE: CatalogueEntry = { it: "n.d.", en: "n/a" };

/**
 * The display name of a roll-up key (SPEC §7): outcome codes as words, the report's "n/d"
 * (no line, no year, no programme) as "n.d." / "n/a", anything else (codes, programme names,
 * years) as it is.
 *
 * @example rollupKeyWord("outcome", "under-evaluation", "en") // "under evaluation"
 * @example rollupKeyWord("year", "n/d", "en") // "n/a"
 */
export function rollupKeyWord(
  dimension: "priority" | "line" | "programme" | "outcome" | "year",
  key: string,
  locale: Locale,
): string {
  if (key === NOT_DEFINED) return NOT_AVAILABLE[locale];
  return dimension === "outcome" ? displayWord("outcome", key, locale) : key;
}
