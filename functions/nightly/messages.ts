/**
 * Run-report messages of the nightly job, in Italian and English (the file's registered locale
 * picks one), in the one catalogue format (`#core/i18n/catalogue.ts`). Validation issues keep the
 * core's own messages (core/i18n).
 */
import { lookup } from "#core/i18n/catalogue.ts";
import { rowDisplayName } from "#core/i18n/row-name.ts";
import { displayWord, ENTITY_LABELS } from "#core/i18n/vocabulary.ts";
import type { EntityKind } from "#core/model.ts";
import type { Locale } from "#core/snapshot/types.ts";

export const MESSAGES = {
  "fetch.not-found": {
    it: "File non trovato (spostato o eliminato?): {detail}",
    en: "File not found (moved or deleted?): {detail}",
  },
  "fetch.access-denied": {
    it: "Accesso negato al file: verificare il permesso Sites.Selected dell'app notturna ({detail})",
    en: "Access to the file denied: check the nightly app's Sites.Selected grant ({detail})",
  },
  "fetch.unavailable": {
    it: "File non raggiungibile stanotte, si riproverà la prossima notte ({detail})",
    en: "File unreachable tonight, it will be retried next night ({detail})",
  },
  "fetch.too-large": { it: "File troppo grande ({detail})", en: "File too large ({detail})" },
  "fetch.unreadable": { it: "File non leggibile ({detail})", en: "File could not be read ({detail})" },
  "detail.not-found": { it: "{file}: non trovato", en: "{file}: not found" },
  "detail.not-a-file": { it: "{file}: non è un file", en: "{file}: not a file" },
  "detail.outside-folder": { it: "{file}: fuori dalla cartella {folder}", en: "{file}: outside {folder}" },
  "detail.size": {
    it: "{file}: {bytes} byte, oltre il limite di {max} byte",
    en: "{file}: {bytes} bytes, over the limit of {max} bytes",
  },
  "detail.response-too-large": {
    it: "{file}: risposta oltre {max} byte",
    en: "{file}: response larger than {max} bytes",
  },
  "detail.http": { it: "{file}: HTTP {status}", en: "{file}: HTTP {status}" },
  "detail.access-denied": {
    it: "{file}: accesso negato (HTTP {status}; Sites.Selected è concesso sul sito?)",
    en: "{file}: access denied (HTTP {status}; is Sites.Selected granted on the site?)",
  },
  "detail.retry-after-too-long": {
    it: "{file}: {problem}, Retry-After di {seconds} s oltre il limite di stanotte",
    en: "{file}: {problem}, Retry-After {seconds} s is beyond tonight's limit",
  },
  "detail.gave-up": {
    it: "{file}: abbandonato dopo {attempts} tentativi ({problem})",
    en: "{file}: gave up after {attempts} attempts ({problem})",
  },
  "detail.redirects": { it: "troppi reindirizzamenti da {url}", en: "too many redirects from {url}" },
  "detail.no-token": {
    it: "impossibile ottenere un token app-only per Microsoft Graph",
    en: "could not get an app-only token for Microsoft Graph",
  },
  "detail.empty-token": {
    it: "Entra ID non ha restituito alcun token di accesso",
    en: "Entra ID returned no access token",
  },
  "detail.no-source": {
    it: "nessuna sorgente «{source}» configurata",
    en: "no “{source}” source configured",
  },
  unreadable: {
    it: "Il file non è una cartella di lavoro .xlsx leggibile ({detail})",
    en: "The file is not a readable .xlsx workbook ({detail})",
  },
  "wrong-plan": {
    it: "La cartella di lavoro è collegata al piano «{actual}», non a «{plan}»: non sincronizzata",
    en: "The workbook is linked to plan “{actual}”, not “{plan}”: not synced",
  },
  conflict: {
    it: "Conflitto su {entity} «{key}»: la riga è cambiata nel cloud (versione {version}) dopo la versione {base} del file; non sovrascritta",
    en: "Conflict on {entity} “{key}”: the row changed in the cloud (version {version}) after the file's version {base}; not overwritten",
  },
  "conflict-unbased": {
    it: "Conflitto su {entity} «{key}»: il file non ne conosce alcuna versione e i suoi valori differiscono da quelli nel cloud (versione {version}); non sovrascritto",
    en: "Conflict on {entity} “{key}”: the file knows no version of it and its values differ from the cloud's (version {version}); not overwritten",
  },
  "push-failed": {
    it: "Sincronizzazione non riuscita (archivio non disponibile); si riproverà la prossima notte",
    en: "Sync failed (store unavailable); it will be retried next night",
  },
  "missing-sheet": {
    it: "Nessun foglio di tipo «{kind}» riconosciuto: le sue righe non vengono eliminate nel cloud ({count, plural, one {# riga conservata} other {# righe conservate}})",
    en: "No “{kind}” sheet recognized: its rows are not deleted in the cloud ({count, plural, one {# row kept} other {# rows kept}})",
  },
  "held-key": {
    it: "Righe di tipo «{kind}» trattenute per errori nella chiave: le righe che non si ritrovano non vengono eliminate nel cloud ({count, plural, one {# riga conservata} other {# righe conservate}})",
    en: "“{kind}” rows held back with errors in their key: rows not found are not deleted in the cloud ({count, plural, one {# row kept} other {# rows kept}})",
  },
  "console.no-plan": {
    it: "{file}: nessun piano (manca il foglio di sincronizzazione): usare --plan <id>",
    en: "{file}: no plan (no sync sheet): pass --plan <id>",
  },
  "console.no-files": { it: "Nessun file .xlsx in {dir}", en: "No .xlsx file in {dir}" },
  "console.file": {
    it: "{plan}  {file}: {status} — applicate {applied}, invariate {unchanged}, conflitti {conflicts}, non valide {invalid}",
    en: "{plan}  {file}: {status} — applied {applied}, unchanged {unchanged}, conflicts {conflicts}, invalid {invalid}",
  },
  "console.run-at": { it: "Sincronizzazione notturna del {when}:", en: "Nightly sync of {when}:" },
  "console.run-failed": { it: "Sincronizzazione notturna non riuscita: {detail}", en: "Nightly sync failed: {detail}" },
  /** A bad command line: the program's name, as the person typed it, then why (one of the four below). */
  "console.refused": { it: "npm run nightly: {reason}", en: "npm run nightly: {reason}" },
  "console.unknown-option": {
    it: "opzione sconosciuta {option} (npm run nightly accetta --dir <cartella> e --plan <id>)",
    en: "unknown option {option} (npm run nightly takes --dir <folder> and --plan <id>)",
  },
  "console.option-needs-value": { it: "l'opzione {option} richiede un valore", en: "option {option} needs a value" },
  "console.option-takes-no-value": { it: "l'opzione {option} non accetta valori", en: "option {option} takes no value" },
  "console.unexpected-argument": {
    it: "argomento inatteso «{option}»: la cartella si indica con --dir <cartella>",
    en: "unexpected argument \"{option}\": give the folder with --dir <folder>",
  },
  "console.summary": {
    it: "{files} file; saltati: {unchanged, plural, one {# invariato} other {# invariati}}, {unassigned} senza piano; {attention} da guardare",
    en: "{files, plural, one {# file} other {# files}}; skipped: {unchanged} unchanged, {unassigned} with no plan; {attention} needing a person",
  },
  more: {
    it: "{count, plural, one {… e un altro problema} other {… e altri # problemi}}",
    en: "{count, plural, one {… and one more problem} other {… and # more problems}}",
  },
} as const satisfies Record<string, Record<Locale, string>>;

/** A message code of the nightly job. */
export type NightlyMessage = keyof typeof MESSAGES;

const isEntity = (v: unknown): v is EntityKind => typeof v === "string" && Object.prototype.hasOwnProperty.call(ENTITY_LABELS, v);

/**
 * Renders a message. Entity kinds (`entity`, `kind`) and a file's `status` are shown as their
 * display words and a row `key` as the sheet names the row (a budget row as project · category ·
 * year · partner), never our codes.
 *
 * @example nightlyMessage("more", "en", { count: 3 }) // "… and 3 more problems"
 * @example nightlyMessage("conflict", "it", { entity: "project", key: "DGH", version: 3, base: 2 }) // "Conflitto su Progetto «DGH»: …"
 */
export function nightlyMessage(code: NightlyMessage, locale: Locale, params: Record<string, string | number> = {}): string {
  const shown: Record<string, string | number> = { ...params };
  if (isEntity(params.entity)) {
    shown.entity = ENTITY_LABELS[params.entity][locale];
    if (typeof params.key === "string") shown.key = rowDisplayName(params.entity, params.key, locale);
  }
  if (isEntity(params.kind)) shown.kind = ENTITY_LABELS[params.kind][locale];
  if (typeof params.status === "string") shown.status = displayWord("runStatus", params.status, locale);
  return lookup(MESSAGES, code, locale, shown);
}
