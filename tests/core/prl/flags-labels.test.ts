import { describe, expect, it } from "vitest";
import type { Outcome } from "#core/model.ts";
import type { Locale } from "#core/snapshot/types.ts";
import { prlLabel, projectFlags } from "#core/prl/index.ts";
import { project } from "./fixtures.ts";

describe("projectFlags", () => {
  it.each<[Outcome | undefined, string[]]>([
    ["rejected", ["to-resubmit"]],
    ["withdrawn", ["to-resubmit"]],
    ["under-evaluation", []],
    ["funded", []],
    [undefined, []],
  ])("outcome %s gives flags %j", (outcome, expected) => {
    expect(projectFlags(project({ outcome }), { today: "2026-11-22" })).toEqual(expected);
  });

  it.each<[string, string | undefined, string | undefined, boolean]>([
    ["updated 13 months ago", "2025-10-22", undefined, true],
    ["updated 11 months ago", "2025-12-22", undefined, false],
    ["updated exactly 12 months ago", "2025-11-22", undefined, false],
    ["updated 12 months and a day ago", "2025-11-21", undefined, true],
    ["no lastUpdate, cloud updatedAt 13 months ago", undefined, "2025-10-22", true],
    ["lastUpdate 11 months wins over an old updatedAt", "2025-12-22", "2020-01-01", false],
    ["no update date at all", undefined, undefined, false],
    ["an unreadable date", "22/10/2025", undefined, false],
  ])("%s → dormant %s", (_name, lastUpdate, updatedAt, dormant) => {
    // Prepare
    const p = project({ lastUpdate });
    // Act
    const flags = projectFlags(
      p,
      updatedAt === undefined ? { today: "2026-11-22" } : { today: "2026-11-22", updatedAt },
    );
    // Assess
    expect(flags.includes("dormant")).toBe(dormant);
  });

  it("a leap day is clamped to month end: 2024-02-29 is dormant from 2025-03-01", () => {
    const p = project({ lastUpdate: "2024-02-29" });
    expect(projectFlags(p, { today: "2025-02-28" })).toEqual([]);
    expect(projectFlags(p, { today: "2025-03-01" })).toEqual(["dormant"]);
  });
});

describe("prlLabel", () => {
  it.each<[number, Locale, string]>([
    [0, "en", "—"],
    [0, "it", "—"],
    [1, "en", "Idea"],
    [1, "it", "Idea"],
    [2, "en", "Concept"],
    [2, "it", "Concetto"],
    [3, "en", "Call identified"],
    [3, "it", "Bando individuato"],
    [4, "en", "Consortium"],
    [4, "it", "Partenariato"],
    [5, "en", "Proposal ready"],
    [5, "it", "Proposta pronta"],
    [6, "en", "Submitted"],
    [6, "it", "Presentato"],
    [7, "en", "Above threshold"],
    [7, "it", "Sopra soglia"],
    [8, "en", "Funded"],
    [8, "it", "Finanziato"],
    [9, "en", "Delivered"],
    [9, "it", "Concluso"],
    [6.5, "en", "Submitted"],
    [10, "en", "—"],
    [-1, "it", "—"],
    [Number.NaN, "en", "—"],
  ])("level %d in %s is %s", (level, locale, expected) => {
    expect(prlLabel(level, locale)).toBe(expected);
  });
});
