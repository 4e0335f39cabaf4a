import type { IsoDate } from "#core/model.ts";
import { isoToSerial, monthsBetween, serialToIso } from "#core/values/index.ts";

/** The day before the last `to` asked: a report asks with the same `to` for every project. */
let memo: { to: IsoDate; dayBefore: IsoDate | undefined } | undefined;

function dayBefore(to: IsoDate): IsoDate | undefined {
  if (memo?.to !== to) {
    const serial = isoToSerial(to.trim());
    memo = { to, dayBefore: Number.isNaN(serial) ? undefined : serialToIso(serial - 1) };
  }
  return memo.dayBefore;
}

/**
 * true when `to` is later than `from` plus `months` calendar months ("not updated for over 12
 * months": 12 months and a day is over, exactly 12 months is not). Whole months are counted up
 * to the day before `to`, so the anniversary itself does not count. Unreadable dates give false.
 */
export function isMoreThanMonthsBefore(from: IsoDate, to: IsoDate, months: number): boolean {
  const end = dayBefore(to);
  if (end === undefined) return false;
  const elapsed = monthsBetween(from.trim(), end);
  return !Number.isNaN(elapsed) && elapsed >= months;
}
