import { describe, expect, it } from "vitest";
import { clusterToday, formatDate, formatDateTime, formatNumber, formatPercent } from "#core/i18n/formats.ts";
import { parseDate } from "#core/values/date.ts";

describe("formats", () => {
  it.each([
    ["2026-12-06T02:30:00Z", "it", "6 dic 2026, 03:30"],
    ["2026-12-06T02:30:00Z", "en", "6 Dec 2026, 03:30"],
    // Summer time: a 03:30 Rome run is 01:30 UTC.
    ["2026-07-01T01:30:00.000Z", "it", "1 lug 2026, 03:30"],
  ] as const)("shows the instant %s in Rome time in %s as %j", (instant, locale, expected) => {
    expect(formatDateTime(instant, locale)).toBe(expected);
  });

  it.each([
    ["2021-10-26", "it", "26 ottobre 2021"],
    ["2021-10-26", "en", "26 October 2021"],
    ["2024-01-01", "it", "1 gennaio 2024"],
    ["not a date", "it", "not a date"],
  ] as const)("writes the day %s in %s as %j", (iso, locale, expected) => {
    expect(formatDate(iso, locale)).toBe(expected);
  });

  it("writes days that read back as the same day", () => {
    for (const locale of ["it", "en"] as const) {
      const parsed = parseDate(formatDate("2021-10-26", locale), locale);
      expect(parsed).toMatchObject({ ok: true, value: "2021-10-26" });
    }
  });

  it.each([
    [1234567.5, "it", "1.234.567,5"],
    [1234567.5, "en", "1,234,567.5"],
  ] as const)("writes %d in %s as %j", (n, locale, expected) => {
    expect(formatNumber(n, locale)).toBe(expected);
  });

  it("writes percentages in the locale, and the given word when there is none", () => {
    expect(formatPercent(0.425, "it", "n.d.")).toBe("42,5%");
    expect(formatPercent(0.425, "en", "n/a")).toBe("42.5%");
    expect(formatPercent(null, "it", "n.d.")).toBe("n.d.");
  });
});

describe("the cluster's today", () => {
  it.each([
    ["2026-12-05T22:59:59Z", "2026-12-05"], // 23:59:59 in Rome (winter, UTC+1)
    ["2026-12-05T23:00:00Z", "2026-12-06"], // midnight in Rome, still the 5th in UTC
    ["2026-07-01T21:59:59Z", "2026-07-01"], // 23:59:59 in Rome (summer, UTC+2)
    ["2026-07-01T22:30:00Z", "2026-07-02"],
    ["2024-02-28T23:30:00Z", "2024-02-29"], // a leap day
  ])("at %s is %s", (instant, expected) => {
    expect(clusterToday(new Date(instant))).toBe(expected);
  });

  it("follows the zone it is given", () => {
    expect(clusterToday(new Date("2026-12-05T23:30:00Z"), "UTC")).toBe("2026-12-05");
  });
});
