/**
 * Run-report messages of the nightly job, in Italian and English (the file's registered locale
 * picks one). Validation issues keep the core's own messages (core/i18n).
 */
import { fillTemplate } from "#core/i18n/template.ts";
import type { Locale } from "#core/snapshot/types.ts";

const MESSAGES = {
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
  unreadable: {
    it: "Il file non è una cartella di lavoro .xlsx leggibile ({detail})",
    en: "The file is not a readable .xlsx workbook ({detail})",
  },
  "wrong-plan": {
    it: "La cartella di lavoro è collegata al piano «{actual}», non a «{plan}»: non sincronizzata",
    en: "The workbook is linked to plan “{actual}”, not “{plan}”: not synced",
  },
  conflict: {
    it: "Conflitto su {entity} «{key}»: modificato nel cloud (versione {version}) dopo la versione {base} del file; non sovrascritto",
    en: "Conflict on {entity} “{key}”: changed in the cloud (version {version}) after the file's version {base}; not overwritten",
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
    it: "Nessun foglio di tipo «{kind}» riconosciuto: le sue righe non vengono eliminate nel cloud ({count} righe conservate)",
    en: "No “{kind}” sheet recognized: its rows are not deleted in the cloud ({count} rows kept)",
  },
  "held-key": {
    it: "Righe di tipo «{kind}» trattenute per errori nella chiave: le righe che non si ritrovano non vengono eliminate nel cloud ({count} righe conservate)",
    en: "“{kind}” rows held back with errors in their key: rows not found are not deleted in the cloud ({count} rows kept)",
  },
  more: { it: "… e altri {count} problemi", en: "… and {count} more problems" },
} as const satisfies Record<string, Record<Locale, string>>;

/** A message code of the nightly job. */
export type NightlyMessage = keyof typeof MESSAGES;

/**
 * Renders a message.
 *
 * @example nightlyMessage("more", "en", { count: 3 }) // "… and 3 more problems"
 */
export function nightlyMessage(code: NightlyMessage, locale: Locale, params: Record<string, string | number> = {}): string {
  return fillTemplate(MESSAGES[code][locale], params);
}
