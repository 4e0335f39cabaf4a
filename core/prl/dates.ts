import type { IsoDate } from "#core/model.ts";
import { isoToSerial, monthsBetween, serialToIso } from "#core/values/index.ts";

/** Distinct `from` dates remembered per `to`; a plan has a few hundred, memory stays bounded. */
const MAX_REMEMBERED = 4096;

/**
 * For the last `to` asked (a report asks with the same `to` for every project): the day before
 * it, and the whole months elapsed from each `from` seen so far (plans repeat update dates).
 */
let memo: { to: IsoDate; dayBefore: IsoDate | undefined; elapsed: Map<IsoDate, number> } | undefined;

function forTo(to: IsoDate): NonNullable<typeof memo> {
  if (memo?.to !== to) {
    const serial = isoToSerial(to.trim());
    memo = { to, dayBefore: Number.isNaN(serial) ? undefined : serialToIso(serial - 1), elapsed: new Map() };
  }
  return memo;
}

/**
 * true when `to` is later than `from` plus `months` calendar months ("not updated for over 12
 * months": 12 months and a day is over, exactly 12 months is not). Whole months are counted up
 * to the day before `to`, so the anniversary itself does not count. Unreadable dates give false.
 */
export function isMoreThanMonthsBefore(from: IsoDate, to: IsoDate, months: number): boolean {
  const m = forTo(to);
  if (m.dayBefore === undefined) return false;
  let elapsed = m.elapsed.get(from);
  if (elapsed === undefined) {
    elapsed = monthsBetween(from.trim(), m.dayBefore);
    if (m.elapsed.size >= MAX_REMEMBERED) m.elapsed.clear();
    m.elapsed.set(from, elapsed);
  }
  return !Number.isNaN(elapsed) && elapsed >= months;
}
