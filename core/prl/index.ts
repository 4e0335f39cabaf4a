/**
 * Project Readiness Level (SPEC §6): per project, line and priority, milestone and strict modes,
 * PRLNEXT, labels and flags.
 */
export type { Evidence } from "./evidence.ts";
export { EVIDENCE, PRL_MAX, PRL_CAP_CLOSED, evidenceLevels, isCappingOutcome } from "./evidence.ts";
export type { PrlMode, ProjectFlag, ProjectLevels } from "./project.ts";
export { projectPrl, projectLevels, prlNext, prlNextAbove, projectFlags, levelFromEvidence } from "./project.ts";
export { prlLabel } from "./labels.ts";
export type { Aggregate, PrlIndex, PrlLookup } from "./prl-index.ts";
export { prlIndex, linePrl, priorityPrl } from "./prl-index.ts";
