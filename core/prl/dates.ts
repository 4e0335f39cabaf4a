import type { IsoDate } from "#core/model.ts";

/*
 * A tiny private date helper: the PRL only needs "is `from` more than n months before `to`".
 * Calendar arithmetic on y/m/d numbers, no Date objects, so no time-zone drift.
 */

const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;

function parts(d: IsoDate): [number, number, number] | undefined {
  const m = ISO.exec(d.trim());
  if (m === null) return undefined;
  return [Number(m[1]), Number(m[2]), Number(m[3])];
}

function daysInMonth(year: number, month: number): number {
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  return [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1] ?? 31;
}

/**
 * true when `to` is later than `from` plus `months` calendar months (month-end clamped:
 * 2024-02-29 + 12 months = 2025-02-28). Unreadable dates give false.
 */
export function isMoreThanMonthsBefore(from: IsoDate, to: IsoDate, months: number): boolean {
  const a = parts(from);
  const b = parts(to);
  if (a === undefined || b === undefined) return false;
  const total = a[0] * 12 + (a[1] - 1) + months;
  const year = Math.floor(total / 12);
  const month = (total % 12) + 1;
  const day = Math.min(a[2], daysInMonth(year, month));
  const limit = year * 10000 + month * 100 + day;
  return b[0] * 10000 + b[1] * 100 + b[2] > limit;
}
