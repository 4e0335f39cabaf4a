import type { BudgetRow, Plan, Project } from "#core/model.ts";
import { canonicalProgramme, parseDate, parseMoney, parseOutcome } from "#core/values/index.ts";
import { line, plan, priority } from "#tests/core/prl/fixtures.ts";

function must<T>(r: { ok: true; value: T } | { ok: false; reason: string }): T {
  if (!r.ok) throw new Error(`fixture value did not parse: ${r.reason}`);
  return r.value;
}

/** The DigitalGreenHealth card of seed 003 (Big Data priority card), read from its cell texts. */
export function digitalGreenHealth(): Project {
  return {
    key: "DGH",
    code: "DGH",
    acronym: "DigitalGreenHealth",
    title:
      "Strengthening interregional cooperation among digital and green health innovation ecosystems by codesigning a crossectorial joint action plan",
    line: "5.2",
    programme: canonicalProgramme("HORIZON EUROPE"),
    call: "HORIZON-EIE-2021-CONNECT-01",
    actionType: "CSA",
    submitted: must(parseDate("26 October 2021", "it")),
    objectives: "The Digital Green Health Space project is based on a systemic approach …",
    partners: [
      "Agentia Pentru Dezvoltare Regionalanord-est (RO)",
      "Asociatia Clusterelor Din Romania (RO)",
      "Zenit GmbH (DE)",
      "Clust-ER Industrie della Salute e del Benessere (IT)",
    ],
    totalBudget: must(parseMoney("€ 499.875,00", "it")),
    outcome: parseOutcome("in attesa di valutazione"),
    ticks: {},
  };
}

/** Seed 001 budget: A 130 000, B 30 000, C 0, D 0, E 40 000 (rows as the budget sheet has them). */
export function seedBudgetRows(project = "CLUSTER-2020"): BudgetRow[] {
  const r = (category: BudgetRow["category"], text: string): BudgetRow => ({
    project,
    category,
    amount: must(parseMoney(text, "it")),
  });
  return [
    r("coordinator", "130.000,00 €"),
    r("personnel", "30.000,00 €"),
    r("equipment", "0,00 €"),
    r("communication", "0,00 €"),
    r("overhead", "40.000,00 €"),
  ];
}

/**
 * Priorities 5, 6, 7 (7 without lines); lines 5.1, 5.2, 6.1; five projects across programmes,
 * outcomes and years, one with no line/programme/outcome/date at all.
 */
export function rollupPlan(): Plan {
  const p = (fields: Partial<Project> & { key: string }): Project => ({
    code: fields.key,
    ticks: {},
    ...fields,
  });
  const base = plan({
    priorities: [priority("5"), priority("6"), priority("7")],
    lines: [line("5.1", "5"), line("5.2", "5"), line("6.1", "6")],
    projects: [
      digitalGreenHealth(),
      p({
        key: "CLUSTER-2020",
        title: "Clust-ER Health 2020-2022",
        line: "6.1",
        programme: "PR-FESR",
        submitted: "2020-09-30",
        outcome: "funded",
        requested: 200_000_00,
      }),
      p({
        key: "X1",
        title: "Rejected EIC bid",
        line: "5.1",
        programme: "EIC",
        submitted: "2022-03-01",
        outcome: "rejected",
        totalBudget: 1_000_000_00,
        requested: 700_000_00,
      }),
      p({
        key: "X2",
        title: "Funded IA",
        line: "5.1",
        programme: "Horizon Europe",
        deadline: "2022-09-01",
        outcome: "funded",
        totalBudget: 300_000_00,
        actionType: "IA",
      }),
      p({ key: "X3", title: "Bare idea" }),
    ],
  });
  return { ...base, budget: seedBudgetRows() };
}
