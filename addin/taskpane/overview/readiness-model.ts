/**
 * Readiness over time in the Overview (issue #17), pure: which date to compare with, the PRL
 * change of each priority and line between the cloud's plan as it stood then and the workbook
 * now, and the plan's PRL distribution month by month from as-of reports.
 */
import type { IsoDate } from "#core/model.ts";
import { prlDelta } from "#core/report/movement.ts";
import type { PrlRow } from "./overview-model.ts";

/** The PRL of one scope then and now; `delta` > 0 went up. `before` is absent when it did not exist then. */
export interface PrlChange {
  before?: number;
  after: number;
  delta: number;
}

/** Which way a change went: what the arrow shows, and what its text alternative says. */
export type Direction = "up" | "down" | "same" | "new";

/** 1 January of `today`'s year: the default "compare with" date. */
export function startOfYear(today: IsoDate): IsoDate {
  return `${today.slice(0, 4)}-01-01`;
}

/** The date to compare with: the saved last board meeting when there is one, else the start of the year. */
export function defaultCompareDate(boardMeeting: IsoDate | undefined, today: IsoDate): IsoDate {
  return boardMeeting !== undefined && isIsoDate(boardMeeting) && boardMeeting <= today
    ? boardMeeting
    : startOfYear(today);
}

/** A real calendar day written `yyyy-mm-dd` (what a date input gives). */
export function isIsoDate(text: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.toISOString().slice(0, 10) === text;
}

/** A priority's or line's PRL in a report (SPEC §10). */
export interface ScopePrl {
  code: string;
  prl: number;
}

/** `priority:5`, `line:5.1`: the key of a PRL table row. */
export const scopeKey = (kind: PrlRow["kind"], code: string): string => `${kind}:${code}`;

/**
 * The PRL change of every priority and line in `now` (the Overview's rows) against the report of
 * the plan as it stood at the compare date. A scope the plan did not have then is "new".
 */
export function prlChanges(
  now: readonly PrlRow[],
  then: { priorities: readonly ScopePrl[]; lines: readonly ScopePrl[] },
): Map<string, PrlChange> {
  const before = new Map<string, number>();
  for (const p of then.priorities) before.set(scopeKey("priority", p.code), p.prl);
  for (const l of then.lines) before.set(scopeKey("line", l.code), l.prl);
  const out = new Map<string, PrlChange>();
  for (const r of now) {
    const key = scopeKey(r.kind, r.code);
    out.set(key, scopeChange(before.get(key), r.prl));
  }
  return out;
}

/** The PRL change of a scope (priority, line, project); no `before`: it did not exist then. */
export function scopeChange(before: number | undefined, after: number): PrlChange {
  return before === undefined ? { after, delta: after } : { before, after, delta: prlDelta(before, after) };
}

export function direction(change: Pick<PrlChange, "before" | "delta">): Direction {
  if (change.before === undefined) return "new";
  return change.delta > 0 ? "up" : change.delta < 0 ? "down" : "same";
}

/** The arrow shown for a direction (the text alternative comes from the catalogue, never the glyph alone). */
export const ARROWS: Readonly<Record<Direction, string>> = { up: "▲", down: "▼", same: "=", new: "★" };

/**
 * The last day of each month from the compare date's month through `today`'s (at most `max`
 * months, the latest kept), `today` itself for the current month: the moments of the monthly chart.
 */
export function monthMoments(from: IsoDate, today: IsoDate, max = 12): IsoDate[] {
  const out: IsoDate[] = [];
  let year = Number(from.slice(0, 4));
  let month = Number(from.slice(5, 7));
  const endKey = today.slice(0, 7);
  for (;;) {
    const key = `${year}-${String(month).padStart(2, "0")}`;
    if (key > endKey) break;
    if (key === endKey) {
      out.push(today);
      break;
    }
    const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
    out.push(`${key}-${String(last).padStart(2, "0")}`);
    month += 1;
    if (month > 12) [year, month] = [year + 1, 1];
  }
  return out.slice(-max);
}

/** One month of the chart: projects per PRL level (index 0–9) at the month's end. */
export interface MonthDistribution {
  month: string;
  counts: number[];
  total: number;
}

/** Projects per PRL level of an as-of report. */
export function distributionOf(
  moment: IsoDate,
  report: { projects: readonly { prl: number }[] },
): MonthDistribution {
  const counts = Array.from({ length: 10 }, () => 0);
  for (const p of report.projects) {
    const level = Math.max(0, Math.min(9, Math.trunc(p.prl)));
    counts[level] = (counts[level] ?? 0) + 1;
  }
  return { month: moment.slice(0, 7), counts, total: report.projects.length };
}
