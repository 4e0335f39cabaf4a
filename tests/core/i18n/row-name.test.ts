import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { rowDisplayName, splitBudgetKey } from "#core/i18n/row-name.ts";
import { budgetBaseKey } from "#core/sync/rows.ts";

describe("row display names", () => {
  it.each([
    ["budget", "CLUSTER-2020|coordinator||", "it", "CLUSTER-2020 · Coordinatore"],
    ["budget", "CLUSTER-2020|coordinator||", "en", "CLUSTER-2020 · Coordinator"],
    ["budget", "DGH|travel|2022|UNIBO", "it", "DGH · Viaggi e missioni · 2022 · UNIBO"],
    ["budget", "DGH|equipment|2022|#2", "en", "DGH · Equipment · 2022 (2)"],
    ["budget", "DGH|F) Altre spese|2023|", "it", "DGH · F) Altre spese · 2023"],
    ["budget", "not a budget key", "it", "not a budget key"],
    ["project", "DGH", "it", "DGH"],
    ["line", "5.1", "en", "5.1"],
  ] as const)("%s %j in %s is named %j", (entity, key, locale, expected) => {
    expect(rowDisplayName(entity, key, locale)).toBe(expected);
  });

  it("prefers the label as the sheet wrote it when the row values are at hand", () => {
    const values = { project: "DGH", category: "travel", categoryLabel: "B.2 Missioni all'estero", year: 2022 };
    expect(rowDisplayName("budget", "DGH|travel|2022|", "it", values)).toBe("DGH · B.2 Missioni all'estero · 2022");
  });

  it("splits every key budgetBaseKey builds back into its parts", () => {
    const part = fc.string().filter((s) => !s.includes("|") && !/#\d+$/.test(s));
    fc.assert(
      fc.property(part, fc.string().filter((s) => !/#\d+$/.test(s)), fc.option(fc.integer({ min: 1900, max: 2100 }), { nil: undefined }), part, (project, category, year, partner) => {
        const key = budgetBaseKey({ project, category: undefined, categoryLabel: category, year, partner, amount: 0 } as never);
        expect(splitBudgetKey(key)).toEqual({ project, category, year: year === undefined ? "" : String(year), partner });
      }),
    );
  });
});
