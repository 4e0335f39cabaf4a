/**
 * Which language a workbook's headings are written in, and from it the locale its cells are read
 * with when nothing says otherwise (SPEC §10: the sync sheet's locale, else the CLI's `--locale`,
 * else the headings' language, else Italian). "1,2 mln" reads differently in it and en, so an
 * English workbook read without a flag must not be read as Italian.
 */
import type { Locale, WorkbookSnapshot } from "#core/snapshot/types.ts";
import { readSyncSheet } from "#core/sync/sync-sheet.ts";
import { foldText } from "#core/values/index.ts";
import { recognizeSheet } from "./recognize.ts";

// Words that occur in headings of one language only (folded). Shared words (Budget, Partner,
// PRL, ID) vote for neither.
const ENGLISH = new Set(
  ("code title description line lines intervention strategic priority type project projects programme program call " +
    "deadline submission date coordinator lead partners consortium cluster members total cost requested funding " +
    "contribution outcome status start duration months objectives last update amount year category acronym action " +
    "confirmed proposal ready above threshold grant signed results delivered name no number").split(" "),
);
const ITALIAN = new Set(
  ("codice titolo descrizione linea linee intervento priorita strategica tipologia tipo progetto programma bando " +
    "scadenza data presentazione capofila coordinatore partenariato consorzio soci coinvolti costo totale contributo " +
    "richiesto finanziamento esito stato inizio durata mesi obiettivi aggiornato ultimo aggiornamento importo anno " +
    "voce categoria acronimo azione confermato proposta pronta sopra soglia firmato risultati consegnati numero nome").split(" "),
);

/**
 * The language most recognised headings are written in, or undefined when no sheet is
 * recognised or the votes tie.
 *
 * @example headingLanguage(snapshotWith(["Code", "Title", "Outcome"])) // "en"
 */
export function headingLanguage(snapshot: WorkbookSnapshot): Locale | undefined {
  let it = 0;
  let en = 0;
  for (const sheet of snapshot.sheets) {
    const recognized = recognizeSheet(sheet);
    if (!recognized) continue;
    for (const { heading } of [...recognized.columns.values(), ...recognized.extra]) {
      const words = foldText(heading).split(" ");
      const e = words.filter((w) => ENGLISH.has(w)).length;
      const i = words.filter((w) => ITALIAN.has(w)).length;
      if (e > i) en++;
      else if (i > e) it++;
    }
  }
  if (it === en) return undefined;
  return en > it ? "en" : "it";
}

/**
 * The locale the workbook's cells are read with: the sync sheet's (how the add-in read it, so
 * equal cells hash equally), else `flag` (the CLI's `--locale`), else the headings' language,
 * else Italian.
 */
export function readingLocale(snapshot: WorkbookSnapshot, flag?: Locale): Locale {
  return readSyncSheet(snapshot)?.locale ?? flag ?? headingLanguage(snapshot) ?? "it";
}
