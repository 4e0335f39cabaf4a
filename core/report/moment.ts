/**
 * Moments in time for the readiness-over-time questions ("as it stood on", "what moved since"):
 * an ISO date (`2026-01-01`) or an ISO date-time with a zone (`2026-01-01T09:30:00Z`,
 * `…+01:00`). A date alone is a whole day in UTC: its start when it opens a span (`from`), its
 * end when it closes one (`asOf`, `to`), so "as of 2026-03-31" includes that day's changes and
 * "since 2026-01-01" includes New Year's Day. A date-time without a zone is refused: the same
 * text would name different moments on the Lambda and on the user's machine.
 */

/** Which end of a day a date alone means. */
export type DayEdge = "start" | "end";

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3}))?)?(Z|[+-]\d{2}:\d{2})$/;
const DAY_MS = 86_400_000;

/** Epoch milliseconds of a date or zoned date-time; undefined when the text is neither (or names no real day). */
export function parseMoment(text: string, edge: DayEdge): number | undefined {
  const date = DATE.exec(text);
  if (date) {
    const start = utcDay(Number(date[1]), Number(date[2]), Number(date[3]));
    if (start === undefined) return undefined;
    return edge === "start" ? start : start + DAY_MS - 1;
  }
  const dt = DATE_TIME.exec(text);
  if (!dt) return undefined;
  const day = utcDay(Number(dt[1]), Number(dt[2]), Number(dt[3]));
  const [hh, mm, ss] = [Number(dt[4]), Number(dt[5]), Number(dt[6] ?? 0)];
  if (day === undefined || hh > 23 || mm > 59 || ss > 59) return undefined;
  const ms = Number((dt[7] ?? "0").padEnd(3, "0"));
  const zone = dt[8] as string;
  let offset = 0;
  if (zone !== "Z") {
    const [zh, zm] = [Number(zone.slice(1, 3)), Number(zone.slice(4, 6))];
    if (zh > 23 || zm > 59) return undefined;
    offset = (zone.startsWith("-") ? -1 : 1) * (zh * 60 + zm) * 60_000;
  }
  return day + ((hh * 60 + mm) * 60 + ss) * 1000 + ms - offset;
}

/** The start of a calendar day in UTC, or undefined for a day that does not exist (2026-02-30). */
function utcDay(year: number, month: number, day: number): number | undefined {
  if (year < 1970 || month < 1 || month > 12 || day < 1) return undefined;
  const ms = Date.UTC(year, month - 1, day);
  return new Date(ms).getUTCDate() === day ? ms : undefined;
}
