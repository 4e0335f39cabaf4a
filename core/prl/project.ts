import type { IsoDate, Project } from "#core/model.ts";
import { EVIDENCE, PRL_CAP_CLOSED, PRL_MAX, evidenceLevels, isCappingOutcome } from "./evidence.ts";
import type { Evidence } from "./evidence.ts";
import { isMoreThanMonthsBefore } from "./dates.ts";

/**
 * `milestone`: the furthest level with evidence (gaps below are allowed).
 * `strict`: a level counts only when every level below it has evidence too.
 */
export type PrlMode = "milestone" | "strict";

/** Flags shown next to a project; they never change its level. */
export type ProjectFlag = "to-resubmit" | "dormant";

/** The level reached on a precomputed evidence array (see `evidenceLevels`). */
export function levelFromEvidence(evidence: readonly boolean[], mode: PrlMode, capped: boolean): number {
  let level = 0;
  for (let l = 1; l <= PRL_MAX; l++) {
    if (evidence[l] === true) level = l;
    else if (mode === "strict") break;
  }
  return capped ? Math.min(level, PRL_CAP_CLOSED) : level;
}

/**
 * The project's PRL, 0–9 (SPEC §6). Outcome `rejected`/`withdrawn` caps it at 6.
 * Rows with errors still get a PRL from the fields that were read.
 *
 * @example projectPrl({ key: "X", submitted: "2021-10-26", ticks: {} }, "milestone") // 6
 * @example projectPrl({ key: "X", submitted: "2021-10-26", ticks: {} }, "strict")    // 0
 */
export function projectPrl(p: Project, mode: PrlMode): number {
  return levelFromEvidence(evidenceLevels(p), mode, isCappingOutcome(p.outcome));
}

/** A project's PRL in both modes, from one pass over its evidence. */
export interface ProjectLevels {
  milestone: number;
  strict: number;
}

/**
 * The project's PRL in both modes at once (the report shows both): the evidence is read once.
 * @example projectLevels({ key: "X", submitted: "2021-10-26", ticks: {} }) // { milestone: 6, strict: 0 }
 */
export function projectLevels(p: Project): ProjectLevels {
  const evidence = evidenceLevels(p);
  const capped = isCappingOutcome(p.outcome);
  return {
    milestone: levelFromEvidence(evidence, "milestone", capped),
    strict: levelFromEvidence(evidence, "strict", capped),
  };
}

/**
 * The first missing evidence above the project's current level (PRLNEXT).
 * In both modes this is the level right above the current one: in milestone mode every level
 * above the furthest one is missing, in strict mode the next level is the first gap.
 * `undefined` at 9, and when the project is held at the cap (rejected/withdrawn at 6): no evidence
 * can move it further. A rejected project below 6 still names what is missing.
 */
export function prlNext(
  p: Project,
  mode: PrlMode = "milestone",
): { level: number; evidence: Evidence } | undefined {
  return prlNextAbove(p, projectPrl(p, mode));
}

/**
 * {@link prlNext} when the project's level in the wanted mode is already known.
 * @example prlNextAbove({ key: "X", ticks: {} }, 0) // { level: 1, evidence: "title-and-line" }
 */
export function prlNextAbove(p: Project, level: number): { level: number; evidence: Evidence } | undefined {
  const ceiling = isCappingOutcome(p.outcome) ? PRL_CAP_CLOSED : PRL_MAX;
  if (level >= ceiling) return undefined;
  const evidence = EVIDENCE[level];
  return evidence === undefined ? undefined : { level: level + 1, evidence };
}

/**
 * Flags of a project (SPEC §6): `to-resubmit` for outcome rejected/withdrawn; `dormant` when its
 * last update (`lastUpdate`, else the cloud's `updatedAt`) is more than 12 months before `today`.
 * A project with no known update date is not flagged dormant: there is nothing to measure.
 */
export function projectFlags(p: Project, opts: { today: IsoDate; updatedAt?: IsoDate }): ProjectFlag[] {
  const flags: ProjectFlag[] = [];
  if (isCappingOutcome(p.outcome)) flags.push("to-resubmit");
  const last = p.lastUpdate ?? opts.updatedAt;
  if (last !== undefined && isMoreThanMonthsBefore(last, opts.today, 12)) flags.push("dormant");
  return flags;
}
