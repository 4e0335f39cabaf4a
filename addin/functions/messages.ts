/**
 * What the custom functions say, in Italian and English: error messages shown in the cell's
 * error tooltip, and PRLNEXT's evidence names.
 */
import type { Evidence } from "#core/prl/index.ts";
import { lookup } from "#core/i18n/catalogue.ts";
import type { Locale } from "#core/snapshot/types.ts";

export type FunctionMessage =
  | "unknown-ref"
  | "unknown-scope"
  | "empty-ref"
  | "bad-mode"
  | "bad-aggregate"
  | "bad-level"
  | "bad-measure"
  | "bad-outcome"
  | "bad-year"
  | "bad-amount"
  | "bad-rate"
  | "not-a-project"
  | "no-decided"
  | "plan-unavailable";

export const TEXT: Record<FunctionMessage, Record<Locale, string>> = {
  "unknown-ref": {
    it: "Riferimento sconosciuto: «{0}» non è un progetto, una linea o una priorità del piano.",
    en: 'Unknown reference: "{0}" is not a project, line or priority of the plan.',
  },
  "unknown-scope": {
    it: 'Ambito sconosciuto: «{0}» (usa "*", una priorità, una linea o un progetto).',
    en: 'Unknown scope: "{0}" (use "*", a priority, a line or a project).',
  },
  "empty-ref": {
    it: "Indica un progetto, una linea o una priorità.",
    en: "Give a project, a line or a priority.",
  },
  "bad-mode": {
    it: 'Modo non valido: «{0}» (usa "milestone" o "strict").',
    en: 'Invalid mode: "{0}" (use "milestone" or "strict").',
  },
  "bad-aggregate": {
    it: 'Aggregazione non valida: «{0}» (usa "max", "avg" o "min").',
    en: 'Invalid aggregate: "{0}" (use "max", "avg" or "min").',
  },
  "bad-level": { it: "Livello PRL non valido: «{0}» (da 0 a 9).", en: 'Invalid PRL level: "{0}" (0 to 9).' },
  "bad-measure": {
    it: "Misura non valida: «{0}» (total, requested, funded, overhead, direct, count, successrate).",
    en: 'Invalid measure: "{0}" (total, requested, funded, overhead, direct, count, successrate).',
  },
  "bad-outcome": { it: "Esito sconosciuto: «{0}».", en: 'Unknown outcome: "{0}".' },
  "bad-year": { it: "Anno non valido: «{0}».", en: 'Invalid year: "{0}".' },
  "bad-amount": {
    it: "Importo non valido: «{0}» (un numero di euro, non negativo).",
    en: 'Invalid amount: "{0}" (a non-negative number of euro).',
  },
  "bad-rate": {
    it: "Aliquota non valida: «{0}» (tra 0 e 1, es. 25%).",
    en: 'Invalid rate: "{0}" (between 0 and 1, e.g. 25%).',
  },
  "not-a-project": {
    it: "PRLNEXT vale per i progetti; «{0}» è una linea o una priorità.",
    en: 'PRLNEXT applies to projects; "{0}" is a line or a priority.',
  },
  "no-decided": {
    it: "Nessun progetto ancora deciso: il tasso di successo non è definito.",
    en: "No project decided yet: the success rate is not defined.",
  },
  "plan-unavailable": {
    it: "Impossibile leggere il piano dai fogli: {0}",
    en: "Could not read the plan from the sheets: {0}",
  },
};

/** A message with `{0}` replaced by `arg` (the one catalogue lookup, `#core/i18n/catalogue.ts`). */
export function functionMessage(code: FunctionMessage, locale: Locale, arg = ""): string {
  return lookup(TEXT, code, locale, { 0: arg });
}

export const EVIDENCE_TEXT: Record<Evidence, Record<Locale, string>> = {
  "title-and-line": { it: "titolo o acronimo e linea", en: "a title or acronym and a line" },
  concept: { it: "obiettivi o capofila", en: "objectives or a coordinator" },
  call: { it: "programma e bando", en: "programme and call" },
  consortium: {
    it: "partner o spunta Partenariato confermato",
    en: "partners or the Consortium confirmed tick",
  },
  proposal: { it: "budget totale o spunta Proposta pronta", en: "total budget or the Proposal ready tick" },
  submitted: { it: "data di presentazione o esito", en: "a submission date or an outcome" },
  "above-threshold": {
    it: "esito in riserva/finanziato o spunta Sopra soglia",
    en: "outcome reserve/funded or the Above threshold tick",
  },
  funded: { it: "esito finanziato o spunta Grant firmato", en: "outcome funded or the Grant signed tick" },
  delivered: {
    it: "esito concluso o spunta Risultati consegnati",
    en: "outcome closed or the Results delivered tick",
  },
};

/** "PRL 5 Proposal ready: total budget or the Proposal ready tick". */
export function evidenceText(evidence: Evidence, locale: Locale): string {
  return EVIDENCE_TEXT[evidence][locale];
}
