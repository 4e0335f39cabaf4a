/**
 * Numbers, dates and times for people, through `Intl` in their language and time zone. Money
 * has its one format in `#core/values/money.ts` (written by hand so that it reads back and is
 * the same on every runtime); these are for counts, dates and run times.
 */
import type { Locale } from "#core/snapshot/types.ts";
import { localeTag } from "./locale-tag.ts";

/** The cluster's time zone: the nightly job runs at 03:30 here, and run times are shown here. */
export const CLUSTER_TIME_ZONE = "Europe/Rome";

const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

function cached<T>(cache: Map<string, T>, key: string, make: () => T): T {
  let v = cache.get(key);
  if (v === undefined) {
    v = make();
    cache.set(key, v);
  }
  return v;
}

const numberFormats = new Map<string, Intl.NumberFormat>();
const dateFormats = new Map<string, Intl.DateTimeFormat>();

/**
 * A count or a plain number: "1.234" (it), "1,234" (en).
 * @example formatNumber(1234.5, "it") // "1234,5"
 */
export function formatNumber(n: number, locale: Locale): string {
  return cached(numberFormats, locale, () => new Intl.NumberFormat(localeTag(locale), { maximumFractionDigits: 2 })).format(n);
}

/**
 * A ratio as a percentage ("42,5 %" / "42.5%"); `none` when null (no decided project).
 * @example formatPercent(0.425, "it", "n.d.") // "42,5%"
 */
export function formatPercent(ratio: number | null, locale: Locale, none: string, digits = 1): string {
  if (ratio === null || !Number.isFinite(ratio)) return none;
  return cached(
    numberFormats,
    `${locale}%${digits}`,
    () => new Intl.NumberFormat(localeTag(locale), { style: "percent", maximumFractionDigits: digits }),
  ).format(ratio);
}

/**
 * An ISO day (yyyy-mm-dd) the way a sentence writes it: "26 ottobre 2021" / "26 October 2021"
 * (both read back as dates, SPEC §4). Anything that is not an ISO day is returned as it is.
 */
export function formatDate(iso: string, locale: Locale): string {
  const m = ISO_DAY.exec(iso);
  if (!m) return iso;
  const day = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  if (Number.isNaN(day.getTime())) return iso;
  // Formatted in UTC, the zone the day was built in: no drift to the day before.
  return cached(
    dateFormats,
    `${locale}:date`,
    () => new Intl.DateTimeFormat(localeTag(locale), { dateStyle: "long", timeZone: "UTC" }),
  ).format(day);
}

/**
 * An instant (ISO timestamp or Date) as a local date and time in `timeZone` (Rome by default):
 * "6 dic 2026, 03:30" / "6 Dec 2026, 03:30". Unparseable text is returned as it is.
 */
export function formatDateTime(instant: string | Date, locale: Locale, timeZone: string = CLUSTER_TIME_ZONE): string {
  const d = typeof instant === "string" ? new Date(instant) : instant;
  if (Number.isNaN(d.getTime())) return String(instant);
  return cached(
    dateFormats,
    `${locale}:${timeZone}`,
    () => new Intl.DateTimeFormat(localeTag(locale), { dateStyle: "medium", timeStyle: "short", timeZone }),
  ).format(d);
}

const dayParts = new Map<string, Intl.DateTimeFormat>();

/**
 * The calendar day (yyyy-mm-dd) it is at `now` in `timeZone` — the cluster's by default, so the
 * task pane, the CLI and the server agree on "today" (the UTC day is yesterday's until 01:00 or
 * 02:00 in Rome).
 * @example clusterToday(new Date("2026-12-05T23:30:00Z")) // "2026-12-06"
 */
export function clusterToday(now: Date = new Date(), timeZone: string = CLUSTER_TIME_ZONE): string {
  const parts = cached(
    dayParts,
    timeZone,
    () => new Intl.DateTimeFormat("en-US", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" }),
  ).formatToParts(now);
  const part = (type: Intl.DateTimeFormatPartTypes): string => parts.find((p) => p.type === type)?.value ?? "";
  return `${part("year")}-${part("month")}-${part("day")}`;
}
