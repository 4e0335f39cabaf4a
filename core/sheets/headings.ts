/**
 * Heading synonyms per sheet kind (SPEC §3), folded once at module load.
 *
 * Field names are the model's field names (`durationMonths`, `prlStated`, tick names …), so the
 * add-in can map an entity field straight back to a column. The same heading can mean different
 * fields in different kinds ("Priorità" is the code of a priorities sheet but the reference of a
 * lines sheet; "Descrizione" is a project's objectives; "Linea" is a line's title but a project's
 * line): each kind has its own table, and recognition picks the kind first.
 */

import { foldText } from "#core/values/index.ts";

/** Sheet kinds the reader recognises. The annual-report combined layout is read as "lines". */
export type SheetKind = "priorities" | "lines" | "projects" | "budget";

export const SHEET_KINDS: readonly SheetKind[] = ["priorities", "lines", "projects", "budget"];

const PRIORITY_HEADINGS = {
  code: ["N.", "N", "Numero", "Priorità", "No.", "#", "Nr.", "Codice", "Code", "Cod.", "ID", "Priority", "Priority no."],
  title: ["Priorità strategica", "Strategic priority", "Titolo", "Title", "Titolo priorità", "Priority title", "Nome", "Name"],
  description: ["Descrizione", "Description", "Descrizione della priorità strategica", "Priority description"],
} as const;

const LINE_HEADINGS = {
  code: ["Codice", "Code", "ID", "Cod.", "Codice linea", "Line code", "N.", "Numero", "No."],
  title: ["Linea di intervento", "Line of intervention", "Linea", "Titolo", "Title", "Linee di intervento", "Lines of intervention", "Line"],
  priority: ["Priorità", "Priorità strategica", "Strategic priority", "Priority", "Codice priorità", "Priority code"],
  types: [
    "Tipologia di progetto",
    "Tipo di progetto",
    "Tipologia progetto",
    "Tipologia",
    "Type of project(s)",
    "Type of projects",
    "Type of project",
    "Project type",
    "Type",
  ],
} as const;

const PROJECT_HEADINGS = {
  code: ["Codice", "Code", "ID", "Cod.", "Codice progetto", "Project code", "Project ID"],
  acronym: ["Acronimo", "Acronym", "Acronimo progetto", "Project acronym"],
  title: ["Titolo", "Titolo progetto", "Title", "Project title", "Progetto", "Project", "Nome progetto", "Project name"],
  line: ["Linea", "Linea di intervento", "Line", "Line of intervention", "Codice linea", "Line code"],
  programme: ["Programma", "Programme", "Program", "Programma di finanziamento", "Funding programme"],
  call: ["Bando", "Call", "Topic", "Call ID", "Call identifier", "Identificativo call", "Identificativo bando", "Codice bando"],
  actionType: ["Tipo di azione", "Tipo azione", "Action type", "Type of action", "Tipologia di azione"],
  deadline: ["Scadenza", "Deadline", "Scadenza bando", "Call deadline"],
  submitted: ["Data presentazione", "Data di presentazione", "Data application", "Submission date", "Data invio", "Submitted", "Presentato il"],
  coordinator: ["Capofila", "Coordinatore", "Coordinator", "Lead partner", "Soggetto capofila"],
  partners: ["Partner", "Partners", "Consorzio", "Team di progetto", "Consortium", "Partenariato", "Project team"],
  members: ["Soci coinvolti", "Soci Clust-ER", "Cluster members", "Soci", "Members involved", "Soci Clust-ER coinvolti"],
  totalBudget: ["Budget totale", "Costo totale", "Total budget", "Total cost", "Budget", "Importo totale", "Budget totale (€)", "Total budget (€)"],
  requested: [
    "Contributo richiesto",
    "Finanziamento richiesto",
    "Requested funding",
    "EU contribution",
    "Contributo UE",
    "Contributo",
    "Requested contribution",
    "Funding requested",
  ],
  outcome: ["Esito", "Stato", "Outcome", "Status", "Stato progetto", "Project status", "Esito valutazione"],
  startDate: ["Data inizio", "Data di inizio", "Start date", "Inizio", "Start"],
  durationMonths: ["Durata (mesi)", "Durata", "Duration (months)", "Duration", "Durata mesi", "Mesi", "Months"],
  objectives: ["Obiettivi", "Abstract", "Descrizione", "Objectives", "Description", "Sintesi", "Summary"],
  lastUpdate: ["Aggiornato il", "Ultimo aggiornamento", "Last update", "Last updated", "Data aggiornamento", "Updated"],
  prlStated: ["PRL", "Project Readiness Level", "Livello PRL"],
  consortiumConfirmed: ["Partenariato confermato", "Consortium confirmed", "Consorzio confermato"],
  proposalReady: ["Proposta pronta", "Proposal ready"],
  aboveThreshold: ["Sopra soglia", "Above threshold"],
  grantSigned: ["Grant firmato", "Grant signed", "Grant agreement firmato"],
  resultsDelivered: ["Risultati consegnati", "Results delivered"],
} as const;

const BUDGET_HEADINGS = {
  project: ["Progetto", "Codice progetto", "Project", "Project code", "Acronimo", "Acronym", "Acronimo progetto"],
  category: ["Voce", "Categoria", "Voce di costo", "Cost category", "Category", "Categoria di costo", "Cost item"],
  description: ["Descrizione", "Description", "Dettaglio", "Details"],
  amount: ["Importo", "Costo", "Amount", "Cost", "Importo (€)", "Amount (€)", "Importo euro", "Valore"],
  year: ["Anno", "Year", "Annualità"],
  partner: ["Partner", "Beneficiario", "Beneficiary"],
  rate: ["Aliquota", "Rate", "Percentuale", "Tasso", "Aliquota spese generali", "Overhead rate"],
} as const;

/** Raw synonym tables, by kind then field. */
export const HEADINGS = {
  priorities: PRIORITY_HEADINGS,
  lines: LINE_HEADINGS,
  projects: PROJECT_HEADINGS,
  budget: BUDGET_HEADINGS,
} as const;

export type PriorityField = keyof typeof PRIORITY_HEADINGS;
export type LineField = keyof typeof LINE_HEADINGS;
export type ProjectField = keyof typeof PROJECT_HEADINGS;
export type BudgetField = keyof typeof BUDGET_HEADINGS;
/** A field of any kind (the model's field name). */
export type SheetField = PriorityField | LineField | ProjectField | BudgetField;

/**
 * Folds a heading for comparison (SPEC §3): the values module's `foldText` — lower case, no accents,
 * punctuation and (non-breaking) spaces collapsed, trailing ":" dropped. Re-exported under this
 * name so callers read what it is for.
 */
export const foldHeading: (text: string) => string = foldText;

/** folded heading → field, per kind (the first synonym wins inside a kind). */
const FOLDED: ReadonlyMap<SheetKind, ReadonlyMap<string, SheetField>> = new Map(
  SHEET_KINDS.map((kind) => {
    const byHeading = new Map<string, SheetField>();
    for (const [field, synonyms] of Object.entries(HEADINGS[kind]) as [SheetField, readonly string[]][]) {
      for (const s of synonyms) {
        const f = foldHeading(s);
        if (!byHeading.has(f)) byHeading.set(f, field);
      }
    }
    return [kind, byHeading];
  }),
);

/** The field a heading means in a sheet of `kind`, or undefined. `folded` must come from foldHeading. */
export function fieldForHeading(kind: SheetKind, folded: string): SheetField | undefined {
  return FOLDED.get(kind)?.get(folded);
}

const SHEET_NAME_HINTS: ReadonlyMap<string, SheetKind> = new Map<string, SheetKind>([
  ["priorita", "priorities"],
  ["priorita strategiche", "priorities"],
  ["priorities", "priorities"],
  ["strategic priorities", "priorities"],
  ["linee", "lines"],
  ["linee di intervento", "lines"],
  ["lines", "lines"],
  ["lines of intervention", "lines"],
  ["progetti", "projects"],
  ["projects", "projects"],
  ["budget", "budget"],
  ["costi", "budget"],
  ["costs", "budget"],
  ["budgets", "budget"],
]);

/** The kind a sheet name suggests ("Priorità", "Linee", "Progetti", "Budget"/"Costi", English forms). */
export function kindFromSheetName(name: string): SheetKind | undefined {
  return SHEET_NAME_HINTS.get(foldHeading(name));
}
