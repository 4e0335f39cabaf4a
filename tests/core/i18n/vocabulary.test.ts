import { describe, expect, it } from "vitest";
import { COST_CATEGORY_WORDS, displayWord, MILESTONE_WORDS, OUTCOME_WORDS, outcomeWord } from "#core/i18n/vocabulary.ts";
import { OUTCOMES, parseCostCategory, parseOutcome } from "#core/values/vocab.ts";
import type { CostCategory } from "#core/model.ts";
import { prlLabel } from "#core/prl/index.ts";

const LOCALES = ["it", "en"] as const;

describe("display words", () => {
  it.each(OUTCOMES.flatMap((o) => LOCALES.map((l) => [o, l] as const)))(
    "the %s outcome word in %s reads back as the same outcome",
    (outcome, locale) => {
      const word = OUTCOME_WORDS[outcome][locale];
      expect(parseOutcome(word)).toBe(outcome);
    },
  );

  it.each(
    (Object.keys(COST_CATEGORY_WORDS) as CostCategory[]).flatMap((c) => LOCALES.map((l) => [c, l] as const)),
  )("the %s cost category word in %s reads back as the same category", (category, locale) => {
    expect(parseCostCategory(COST_CATEGORY_WORDS[category][locale])).toBe(category);
  });

  it.each([
    ["outcome", "under-evaluation", "it", "in attesa di valutazione"],
    ["outcome", "under-evaluation", "en", "under evaluation"],
    ["outcome", "funded", "it", "finanziato"],
    ["costCategory", "goods-services", "it", "Altri beni e servizi"],
    ["entity", "project", "it", "progetto"],
    ["entity", "budget", "en", "budget row"],
    ["syncStatus", "unchanged", "it", "Invariata"],
    ["outcome", "Horizon Europe", "it", "Horizon Europe"],
    ["costCategory", "Spese di viaggio (come scritte)", "en", "Spese di viaggio (come scritte)"],
  ] as const)("%s %s in %s reads %j", (vocabulary, value, locale, expected) => {
    expect(displayWord(vocabulary, value, locale)).toBe(expected);
  });

  it("gives no word for no outcome, and no internal code for any outcome", () => {
    expect(outcomeWord(undefined, "it")).toBe("");
    for (const o of OUTCOMES) for (const l of LOCALES) expect(outcomeWord(o, l)).not.toMatch(/-/);
  });

  it("names the nine PRL milestones in both languages", () => {
    expect(MILESTONE_WORDS).toHaveLength(9);
    expect(prlLabel(9, "it")).toBe("Concluso");
    expect(prlLabel(2, "en")).toBe("Concept");
  });
});
