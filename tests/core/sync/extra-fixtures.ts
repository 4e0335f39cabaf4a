/**
 * Fixtures for the "unknown columns are kept (as extra)" tests (SPEC §3): a small plan whose
 * priorities, lines, projects and budget sheets can carry extra columns ("Note", "Referente")
 * or not, built with the sample sheet builder the way the staff lay the sheets out.
 */
import type { WorkbookSnapshot } from "#core/snapshot/types.ts";
import { SheetBuilder } from "#samples/sheet-builder.ts";
import type { FixtureSheet } from "#samples/sheet-builder.ts";

/** Which sheets get extra columns. */
export interface ExtraColumns {
  priorities?: boolean;
  lines?: boolean;
  budget?: boolean;
}

/** The four sheets; `extra` adds unknown columns after the known ones. */
export function extraPlanSheets(extra: ExtraColumns = {}): FixtureSheet[] {
  const pr = new SheetBuilder("Priorità");
  pr.header(["N.", "Priorità strategica", "Descrizione", ...(extra.priorities ? ["Note", "Referente"] : [])]);
  pr.row([5, "Big Data e Intelligenza Artificiale per la Salute", "Dati sanitari per la ricerca", ...(extra.priorities ? ["da rivedere", "M. Rossi"] : [])]);
  pr.row([6, "Medicina personalizzata", null, ...(extra.priorities ? [null, "L. Bianchi"] : [])]);

  const li = new SheetBuilder("Linee");
  li.header(["Codice", "Linea di intervento", "Priorità", "Tipologia di progetto", ...(extra.lines ? ["Referente"] : [])]);
  li.row(["5.1", "Big Data per il repositioning dei farmaci", 5, "R&I projects", ...(extra.lines ? ["G. Verdi"] : [])]);
  li.row(["6.1", "Terapie avanzate", 6, "R&I projects; Infrastructure", ...(extra.lines ? [null] : [])]);

  const pj = new SheetBuilder("Progetti");
  pj.header(["Codice", "Acronimo", "Titolo progetto", "Linea", "Programma", "Budget totale"]);
  pj.row(["DGH", "DigitalGreenHealth", "Strengthening interregional cooperation", "5.1", "HORIZON EUROPE", 499875]);

  const bu = new SheetBuilder("Budget");
  bu.header(["Progetto", "Voce", "Descrizione", "Importo", "Anno", "Partner", ...(extra.budget ? ["Note"] : [])]);
  bu.row(["DGH", "Personale", "Ricercatori", 12345.67, 2025, "UNIBO", ...(extra.budget ? ["preventivo 3/2025"] : [])]);
  bu.row(["DGH", "Spese generali", null, 3086.42, 2025, "UNIBO", ...(extra.budget ? [null] : [])]);
  return [pr.build(), li.build(), pj.build(), bu.build()];
}

/** The combined layout (Strategic priority | Line of intervention | Type of project(s)), optionally with a "Note" column. */
export function combinedSheets(withNote = false): FixtureSheet[] {
  const b = new SheetBuilder("Action Plan 2022");
  b.header(["Strategic priority", "Line of intervention", "Type of project(s)", ...(withNote ? ["Note"] : [])]);
  b.row(["1 INNOVATION OF MATERIALS FOR HEALTH", "1.1 Biomaterials", "R&I projects", ...(withNote ? ["joint call"] : [])]);
  b.row([null, "1.2 Smart devices", "Infrastructure", ...(withNote ? [null] : [])]);
  b.merge("A2:A3");
  return [b.build()];
}

/** Sheets as a workbook snapshot. */
export function snapshotOf(sheets: readonly FixtureSheet[]): WorkbookSnapshot {
  return { origin: "test", locale: "it", sheets: [...sheets] };
}
