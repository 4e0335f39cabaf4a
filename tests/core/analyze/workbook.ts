/**
 * Test helpers: workbooks as 2-D arrays (the way the sheet looks) and issue lookups by cell
 * address ("Progetti!D7"), so assertions read like the sheet.
 */
import type { CellValue, SheetSnapshot, WorkbookSnapshot } from "#core/snapshot/types.ts";
import type { Issue } from "#core/validate/issue.ts";

/** A sheet as [name, rows] with optional merged areas and hidden flag. */
export type SheetSpec = [name: string, rows: CellValue[][], extra?: Partial<Pick<SheetSnapshot, "merged" | "hidden">>];

/** A test workbook from sheet specs. */
export function workbook(...sheets: SheetSpec[]): WorkbookSnapshot {
  return { origin: "test", locale: "it", sheets: sheets.map(([name, values, extra]) => ({ name, values, ...extra })) };
}

/** Issue codes reported at "Sheet!A1" (or "Sheet!" for sheet-level issues). */
export function codesAt(issues: readonly Issue[], ref: string): string[] {
  const bang = ref.lastIndexOf("!");
  const sheet = ref.slice(0, bang);
  const cell = ref.slice(bang + 1);
  return issues.filter((i) => i.sheet === sheet && i.cell === cell).map((i) => i.code);
}

/** The issues with a given code, as "Sheet!Cell" refs. */
export function refsOf(issues: readonly Issue[], code: string): string[] {
  return issues.filter((i) => i.code === code).map((i) => `${i.sheet}!${i.cell}`);
}

/** The standard headers used by the tests. */
export const PRIORITY_HEADER: CellValue[] = ["N.", "Priorità strategica", "Descrizione"];
export const LINE_HEADER: CellValue[] = ["Codice", "Linea di intervento", "Priorità", "Tipologia di progetto"];
export const PROJECT_HEADER: CellValue[] = [
  "Codice", "Acronimo", "Titolo progetto", "Linea", "Programma", "Bando", "Scadenza", "Data presentazione",
  "Budget totale", "Contributo richiesto", "Esito", "PRL", "Data inizio",
];
export const BUDGET_HEADER: CellValue[] = ["Progetto", "Voce", "Descrizione", "Importo"];

/** A small clean plan: priority 5, lines 5.1–5.2, one project, tweakable per test. */
export function cleanPlan(project: Partial<Record<string, CellValue>> = {}, budget: CellValue[][] = []): WorkbookSnapshot {
  const p: Record<string, CellValue> = {
    Codice: "DGH",
    Acronimo: "DigitalGreenHealth",
    "Titolo progetto": "Strengthening interregional cooperation",
    Linea: "5.2",
    Programma: "HORIZON EUROPE",
    Bando: "HORIZON-EIE-2021-CONNECT-01",
    Scadenza: "16/11/2021",
    "Data presentazione": "26 October 2021",
    "Budget totale": "€ 499.875,00",
    "Contributo richiesto": null,
    Esito: "in attesa di valutazione",
    PRL: null,
    "Data inizio": null,
    ...project,
  };
  return workbook(
    ["Priorità", [PRIORITY_HEADER, [5, "Big Data e Intelligenza Artificiale per la Salute ed il Benessere", null]]],
    ["Linee", [LINE_HEADER, ["5.1", "Big Data per il repositioning dei farmaci", 5, "R&I projects"], ["5.2", "Fascicolo sanitario interoperabile e condiviso", 5, "R&I projects"]]],
    ["Progetti", [PROJECT_HEADER, PROJECT_HEADER.map((h) => p[String(h)] ?? null)]],
    ...(budget.length > 0 ? ([["Budget", [BUDGET_HEADER, ...budget]]] as SheetSpec[]) : []),
  );
}
