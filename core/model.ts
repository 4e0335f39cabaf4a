/**
 * The plan model the core builds from a workbook snapshot (and the cloud store from synced rows).
 * Money is integer euro cents (`Cents`) everywhere inside the core: sums stay exact.
 * Dates are ISO "yyyy-mm-dd" strings.
 */
export type Cents = number;
export type IsoDate = string;

/** Where an entity came from in the workbook (1-based sheet row). */
export interface SourceRef {
  sheet: string;
  row: number;
}

export type EntityKind = "priority" | "line" | "project" | "budget";

export type Outcome =
  | "idea"
  | "drafting"
  | "submitted"
  | "under-evaluation"
  | "reserve"
  | "funded"
  | "rejected"
  | "withdrawn"
  | "running"
  | "closed";

export interface Priority {
  code: string;
  title: string;
  description?: string;
  /** Unknown columns, kept by heading (SPEC §3); absent when the row has none. */
  extra?: Record<string, string>;
  /** true when the row has at least one error: kept in the model, held back from sync. */
  hasErrors?: boolean;
  source?: SourceRef;
}

export interface Line {
  code: string;
  title: string;
  /** Code of the priority the line belongs to. */
  priority: string;
  /** Types of project as written (e.g. "R&I projects"). */
  types: string[];
  /** true when the code was not in the sheet and was assigned as `<priority>.<n>`. */
  codeAssigned?: boolean;
  /** Unknown columns, kept by heading (SPEC §3); absent when the row has none. */
  extra?: Record<string, string>;
  /** true when the row has at least one error: kept in the model, held back from sync. */
  hasErrors?: boolean;
  source?: SourceRef;
}

/** The five PRL ticks of SPEC §3/§6. */
export interface Ticks {
  consortiumConfirmed?: boolean;
  proposalReady?: boolean;
  aboveThreshold?: boolean;
  grantSigned?: boolean;
  resultsDelivered?: boolean;
}

export interface Project {
  /** Identity: code, else acronym (SPEC §5). */
  key: string;
  code?: string;
  acronym?: string;
  title?: string;
  /** Code of the line. */
  line?: string;
  /** Canonical programme name when known, else as written. */
  programme?: string;
  call?: string;
  actionType?: string;
  deadline?: IsoDate;
  submitted?: IsoDate;
  coordinator?: string;
  partners?: string[];
  members?: string[];
  totalBudget?: Cents;
  requested?: Cents;
  outcome?: Outcome;
  startDate?: IsoDate;
  durationMonths?: number;
  objectives?: string;
  lastUpdate?: IsoDate;
  /** The project's own overhead rate when the budget sheet states one (e.g. "25%"); else 25 %. */
  overheadRate?: number;
  /** The PRL typed in the sheet's PRL column, if any (an output column; checked, not trusted). */
  prlStated?: number;
  ticks: Ticks;
  /** Unknown columns, kept by heading. */
  extra?: Record<string, string>;
  /** true when the row has at least one error: kept in the model, held back from sync. */
  hasErrors?: boolean;
  source?: SourceRef;
}

/** Canonical cost categories (seed scheme A–E and the Horizon scheme). */
export type CostCategory =
  | "coordinator" // A) coordinatore operativo / personnel of the coordinator
  | "personnel" // B) other personnel; Horizon: personnel
  | "equipment" // C)
  | "communication" // D)
  | "overhead" // E) spese generali; Horizon: indirect costs
  | "subcontracting"
  | "travel"
  | "goods-services"
  | "other-direct";

export interface BudgetRow {
  /** Project key (code or acronym). */
  project: string;
  category?: CostCategory;
  /** The category as written. */
  categoryLabel?: string;
  description?: string;
  amount?: Cents;
  year?: number;
  partner?: string;
  /** Overhead rate stated on an overhead row, as a fraction ("25%" → 0.25); applies to its project. */
  rate?: number;
  /** Unknown columns, kept by heading (SPEC §3); absent when the row has none. */
  extra?: Record<string, string>;
  /** true when the row has at least one error: kept in the model, held back from sync. */
  hasErrors?: boolean;
  source?: SourceRef;
}

export interface Plan {
  priorities: Priority[];
  lines: Line[];
  projects: Project[];
  budget: BudgetRow[];
  /** Which sheet kinds the workbook had (references are checked only against present kinds). */
  present: { priorities: boolean; lines: boolean; projects: boolean; budget: boolean };
}
