import type { Outcome, Project } from "#core/model.ts";

/** The evidence that earns each PRL level 1..9 (SPEC §6), in level order. */
export type Evidence =
  | "title-and-line"
  | "concept"
  | "call"
  | "consortium"
  | "proposal"
  | "submitted"
  | "above-threshold"
  | "funded"
  | "delivered";

/** `EVIDENCE[level - 1]` is the evidence of that level. */
export const EVIDENCE: readonly Evidence[] = [
  "title-and-line",
  "concept",
  "call",
  "consortium",
  "proposal",
  "submitted",
  "above-threshold",
  "funded",
  "delivered",
];

/** Highest PRL a project can reach. */
export const PRL_MAX = 9;

/** Outcomes `rejected` and `withdrawn` hold the PRL at this level (SPEC §6). */
export const PRL_CAP_CLOSED = 6;

const SUBMITTED_OUTCOMES: ReadonlySet<Outcome> = new Set([
  "submitted",
  "under-evaluation",
  "reserve",
  "funded",
  "running",
  "closed",
  "rejected",
]);
const ABOVE_THRESHOLD_OUTCOMES: ReadonlySet<Outcome> = new Set(["reserve", "funded", "running", "closed"]);
const FUNDED_OUTCOMES: ReadonlySet<Outcome> = new Set(["funded", "running", "closed"]);

/** true when the outcome caps the PRL and marks the project "to resubmit". */
export function isCappingOutcome(outcome: Outcome | undefined): boolean {
  return outcome === "rejected" || outcome === "withdrawn";
}

function hasText(value: string | undefined): boolean {
  return value !== undefined && value.trim() !== "";
}

function hasOutcome(set: ReadonlySet<Outcome>, outcome: Outcome | undefined): boolean {
  return outcome !== undefined && set.has(outcome);
}

/**
 * Which levels 1..9 a project has evidence for, as a 10-slot array (slot 0 unused, always true).
 * One pass over the project's fields; the PRL functions read this instead of re-testing fields.
 */
export function evidenceLevels(p: Project): boolean[] {
  const t = p.ticks ?? {};
  const o = p.outcome;
  return [
    true,
    (hasText(p.title) || hasText(p.acronym)) && hasText(p.line),
    hasText(p.objectives) || hasText(p.coordinator),
    hasText(p.programme) && hasText(p.call),
    (p.partners?.some(hasText) ?? false) || t.consortiumConfirmed === true,
    (p.totalBudget !== undefined && p.totalBudget > 0) || t.proposalReady === true,
    hasText(p.submitted) || hasOutcome(SUBMITTED_OUTCOMES, o),
    hasOutcome(ABOVE_THRESHOLD_OUTCOMES, o) || t.aboveThreshold === true,
    hasOutcome(FUNDED_OUTCOMES, o) || t.grantSigned === true,
    o === "closed" || t.resultsDelivered === true,
  ];
}
