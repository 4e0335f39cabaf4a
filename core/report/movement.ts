/**
 * What moved in a plan between two moments (issue #17): the projects whose PRL, outcome,
 * requested or funded amount changed, and the projects added or removed, each with its values
 * before and after and the last change that made it so. Pure: the two reports come from the same
 * core report (`buildReport`) of the plan as it stood at each moment.
 */
import type { Outcome } from "#core/model.ts";
import type { Euro, ReportJson, ReportProject } from "./report-json.ts";

/** A project's tracked values at one moment. */
export interface MovementState {
  prl: number;
  outcome?: Outcome;
  requested?: Euro;
  /** Requested funding when the outcome is funded, running or closed; else 0 (SPEC §7). */
  funded: Euro;
  line?: string;
}

/** Who last changed a project's row between the two moments, and when (ISO date-time). */
export interface LastChange {
  at: string;
  by: string;
}

export interface MovementEntry {
  /** The project's identity: its code, else its acronym. */
  project: string;
  title?: string;
  kind: "added" | "removed" | "changed";
  /** Absent for an added project. */
  before?: MovementState;
  /** Absent for a removed project. */
  after?: MovementState;
  /** The tracked fields that differ (every field for added/removed). */
  fields: (keyof MovementState)[];
  at?: string;
  by?: string;
}

/** The answer of GET /plans/{plan}/movement and `actionplan movement --json` (schema 1). */
export interface MovementJson {
  schema: 1;
  plan: string;
  /** ISO date-times of the two moments. */
  from: string;
  to: string;
  projects: MovementEntry[];
  /** Entries left out to keep the answer within the response limit. */
  omitted?: number;
}

const FUNDED: ReadonlySet<string> = new Set(["funded", "running", "closed"]);
const TRACKED: readonly (keyof MovementState)[] = ["prl", "outcome", "requested", "funded"];

/** A project's identity in a report (the key its sync row has). */
export const projectIdentity = (p: Pick<ReportProject, "code" | "acronym">): string =>
  p.code ?? p.acronym ?? "";

function stateOf(p: ReportProject): MovementState {
  const funded = p.outcome !== undefined && FUNDED.has(p.outcome) ? (p.requested ?? 0) : 0;
  return {
    prl: p.prl,
    funded,
    ...(p.outcome === undefined ? {} : { outcome: p.outcome }),
    ...(p.requested === undefined ? {} : { requested: p.requested }),
    ...(p.line === undefined ? {} : { line: p.line }),
  };
}

/**
 * The movement between two reports of the same plan, ordered by project identity. `lastChanges`
 * says, per project identity, the last change of its row between the moments.
 */
export function diffReports(
  before: Pick<ReportJson, "projects">,
  after: Pick<ReportJson, "projects">,
  lastChanges: ReadonlyMap<string, LastChange>,
): MovementEntry[] {
  const index = (r: Pick<ReportJson, "projects">) => {
    const out = new Map<string, ReportProject>();
    // A duplicated identity (an error row) keeps its first row, as the sync does.
    for (const p of r.projects) if (!out.has(projectIdentity(p))) out.set(projectIdentity(p), p);
    return out;
  };
  const was = index(before);
  const now = index(after);
  const ids = [...new Set([...was.keys(), ...now.keys()])].filter((id) => id !== "").sort();
  const entries: MovementEntry[] = [];
  for (const id of ids) {
    const b = was.get(id);
    const a = now.get(id);
    const change = lastChanges.get(id);
    const when = change === undefined ? {} : { at: change.at, by: change.by };
    const title = (a ?? b)?.title;
    const named = { project: id, ...(title === undefined ? {} : { title }) };
    if (b === undefined && a !== undefined) {
      entries.push({ ...named, kind: "added", after: stateOf(a), fields: [...TRACKED], ...when });
    } else if (a === undefined && b !== undefined) {
      entries.push({ ...named, kind: "removed", before: stateOf(b), fields: [...TRACKED], ...when });
    } else if (a !== undefined && b !== undefined) {
      const [sb, sa] = [stateOf(b), stateOf(a)];
      const fields = TRACKED.filter((f) => sb[f] !== sa[f]);
      if (fields.length > 0) entries.push({ ...named, kind: "changed", before: sb, after: sa, fields, ...when });
    }
  }
  return entries;
}

/** The PRL change of a scope (priority, line or project) between two moments: its sign is the arrow. */
export function prlDelta(before: number | undefined, after: number | undefined): number {
  return (after ?? 0) - (before ?? 0);
}
