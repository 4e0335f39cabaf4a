/**
 * The one catalogue of issue messages (Italian and English). Every issue code the core can emit
 * is a key here; a test iterates the catalogue so no code ships without both languages.
 * Placeholders are `{name}` and are filled from the issue's params.
 */
import { formatDate } from "./formats.ts";
import { fillTemplate } from "./template.ts";
import type { TemplateParams } from "./template.ts";
import type { Locale } from "#core/snapshot/types.ts";

export const MESSAGES = {
  "sheet.not-recognised": {
    it: "Nessun foglio riconosciuto: servono almeno due intestazioni note (es. \"Codice\", \"Titolo\") in una delle prime 10 righe.",
    en: "No sheet recognised: at least two known headings (e.g. \"Code\", \"Title\") are needed in one of the first 10 rows.",
  },
  "formula.uncached": {
    it: "La formula {value} non ha un valore salvato (file scritto da un programma, mai ricalcolato in Excel): valore sconosciuto, non controllato. Aprire e salvare il file in Excel.",
    en: "The formula {value} has no saved value (file written by a program, never recalculated in Excel): value unknown, not checked. Open and save the file in Excel.",
  },
  "required.missing": {
    it: "Campo obbligatorio mancante: {column}.",
    en: "Required field missing: {column}.",
  },
  "required.code-or-acronym": {
    it: "Il progetto non ha né codice né acronimo: serve almeno uno dei due.",
    en: "The project has neither a code nor an acronym: at least one is needed.",
  },
  "duplicate.code": {
    it: "Codice duplicato \"{value}\": già usato alla riga {firstRow}.",
    en: "Duplicate code \"{value}\": already used in row {firstRow}.",
  },
  "key.too-long": {
    it: "Codice troppo lungo per l'archivio cloud: {chars} caratteri ({bytes} byte in UTF-8), al massimo {maxChars} caratteri e {maxBytes} byte.",
    en: "Code too long for the cloud store: {chars} characters ({bytes} bytes in UTF-8), at most {maxChars} characters and {maxBytes} bytes.",
  },
  "key.unpaired-surrogate": {
    it: "Il codice contiene un carattere non valido (surrogato UTF-16 isolato): l'archivio cloud non può conservarlo.",
    en: "The code holds an invalid character (a lone UTF-16 surrogate): the cloud store cannot keep it.",
  },
  "ref.unknown-priority": {
    it: "La priorità \"{value}\" non esiste nel foglio delle priorità.",
    en: "Priority \"{value}\" does not exist in the priorities sheet.",
  },
  "ref.unknown-line": {
    it: "La linea di intervento \"{value}\" non esiste nel foglio delle linee.",
    en: "Line of intervention \"{value}\" does not exist in the lines sheet.",
  },
  "ref.unknown-project": {
    it: "Il progetto \"{value}\" non esiste (né come codice né come acronimo).",
    en: "Project \"{value}\" does not exist (neither as a code nor as an acronym).",
  },
  "vocab.unknown-programme": {
    it: "Programma \"{value}\" non riconosciuto: mantenuto come scritto.",
    en: "Programme \"{value}\" not recognised: kept as written.",
  },
  "vocab.unknown-outcome": {
    it: "Esito \"{value}\" non riconosciuto (es. \"finanziato\", \"in attesa di valutazione\", \"respinto\").",
    en: "Outcome \"{value}\" not recognised (e.g. \"funded\", \"under evaluation\", \"rejected\").",
  },
  "vocab.unknown-category": {
    it: "Voce di costo \"{value}\" non riconosciuta: mantenuta come scritta.",
    en: "Cost category \"{value}\" not recognised: kept as written.",
  },
  "value.formula-error": {
    it: "La cella contiene un errore di formula ({value}).",
    en: "The cell holds a formula error ({value}).",
  },
  "value.not-a-number": {
    it: "\"{value}\" non è un numero.",
    en: "\"{value}\" is not a number.",
  },
  "value.negative": {
    it: "Valore negativo non ammesso: {value}.",
    en: "Negative value not allowed: {value}.",
  },
  "value.not-finite": {
    it: "Valore non finito: {value}.",
    en: "Value is not finite: {value}.",
  },
  "value.not-a-date": {
    it: "\"{value}\" non è una data (es. 26/10/2021).",
    en: "\"{value}\" is not a date (e.g. 26/10/2021).",
  },
  "value.impossible-date": {
    it: "Data impossibile: {value}.",
    en: "Impossible date: {value}.",
  },
  "value.not-a-tick": {
    it: "\"{value}\" non è una spunta (usare Sì/No, X o lasciare vuoto).",
    en: "\"{value}\" is not a tick (use Yes/No, X or leave blank).",
  },
  "value.too-long": {
    it: "Testo troppo lungo: {length} caratteri (massimo 32767).",
    en: "Text too long: {length} characters (maximum 32767).",
  },
  "value.not-a-prl": {
    it: "\"{value}\" non è un livello PRL (intero da 0 a 9).",
    en: "\"{value}\" is not a PRL level (whole number from 0 to 9).",
  },
  "value.not-a-rate": {
    it: "\"{value}\" non è un'aliquota (da 0% a 100%).",
    en: "\"{value}\" is not a rate (from 0% to 100%).",
  },
  "value.not-a-year": {
    it: "\"{value}\" non è un anno.",
    en: "\"{value}\" is not a year.",
  },
  "dates.submitted-after-deadline": {
    it: "Data di presentazione ({submitted}) successiva alla scadenza ({deadline}).",
    en: "Submission date ({submitted}) is after the deadline ({deadline}).",
  },
  "dates.start-before-submitted": {
    it: "Data di inizio ({start}) precedente alla presentazione ({submitted}).",
    en: "Start date ({start}) is before the submission date ({submitted}).",
  },
  "prl.stated-differs": {
    it: "PRL scritto {stated} diverso da quello calcolato {computed}.",
    en: "Stated PRL {stated} differs from the computed PRL {computed}.",
  },
  "budget.overhead-differs": {
    it: "Spese generali indicate {stated} diverse da quelle calcolate {computed} (aliquota {rate}).",
    en: "Stated overhead {stated} differs from the computed overhead {computed} (rate {rate}).",
  },
  "budget.total-differs": {
    it: "Totale indicato {stated} diverso dal totale calcolato {computed} per il progetto {project}.",
    en: "Stated total {stated} differs from the computed total {computed} for project {project}.",
  },
  "budget.project-total-differs": {
    it: "Budget totale del progetto {stated} diverso dalla somma del foglio budget {computed}.",
    en: "Project total budget {stated} differs from the budget sheet sum {computed}.",
  },
  "totals.mismatch": {
    it: "Riga dei totali: {column} indica {stated}, la somma delle righe è {computed}.",
    en: "Totals row: {column} states {stated}, the rows sum to {computed}.",
  },
  "line.code-assigned": {
    it: "Linea senza codice: assegnato il codice {code} (l'add-in può scriverlo nel foglio).",
    en: "Line without a code: code {code} assigned (the add-in can write it into the sheet).",
  },
  "priority.code-assigned": {
    it: "Priorità senza numero: assegnato il codice {code}.",
    en: "Priority without a number: code {code} assigned.",
  },
} as const satisfies Record<string, { it: string; en: string }>;

/** Every issue code the core emits. */
export type IssueCode = keyof typeof MESSAGES;

/** The list of codes, for tests and UIs that enumerate them. */
export const ISSUE_CODES = Object.keys(MESSAGES) as IssueCode[];


/**
 * Renders an issue message in the given locale, filling `{param}` placeholders.
 * Unknown codes render as the code itself (never throws); missing params stay as `{name}`.
 * @example renderMessage("required.missing", { column: "Titolo" }, "it") // "Campo obbligatorio mancante: Titolo."
 */
export function renderMessage(code: string, params: Record<string, string | number> | undefined, locale: Locale): string {
  if (!isIssueCode(code)) return code;
  const entry = MESSAGES[code];
  const template = locale === "en" ? entry.en : entry.it;
  return fillTemplate(template, params && withDates(params, locale), locale);
}

/** true when `code` is in the catalogue. */
export function isIssueCode(code: string): code is IssueCode {
  return Object.prototype.hasOwnProperty.call(MESSAGES, code);
}

/** Parameters that hold ISO days: kept ISO in the issue (data), written as words in the sentence. */
const DATE_PARAMS: ReadonlySet<string> = new Set(["submitted", "deadline", "start"]);

function withDates(params: Record<string, string | number>, locale: Locale): TemplateParams {
  let out: Record<string, string | number> | undefined;
  for (const name of DATE_PARAMS) {
    const v = params[name];
    if (typeof v !== "string") continue;
    out ??= { ...params };
    out[name] = formatDate(v, locale);
  }
  return out ?? params;
}
