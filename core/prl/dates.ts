import type { IsoDate } from "#core/model.ts";
import { isoToSerial, monthsBetween, serialToIso } from "#core/values/index.ts";

/**
 * true when `to` is later than `from` plus `months` calendar months ("not updated for over 12
 * months": 12 months and a day is over, exactly 12 months is not). Whole months are counted up
 * to the day before `to`, so the anniversary itself does not count. Unreadable dates give false.
 */
export function isMoreThanMonthsBefore(from: IsoDate, to: IsoDate, months: number): boolean {
  const serial = isoToSerial(to.trim());
  if (Number.isNaN(serial)) return false;
  const elapsed = monthsBetween(from.trim(), serialToIso(serial - 1));
  return !Number.isNaN(elapsed) && elapsed >= months;
}
