/**
 * The byte budget of GET /rollups (issue #16): a report that fits is answered as is; one that
 * does not keeps its roll-ups, counts, priorities and lines whole, cuts projects, budget totals
 * and issues to a prefix that fits, and says how many of each it left out.
 */
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import type { Plan, Project } from "#core/model.ts";
import { buildReport } from "#core/report/index.ts";
import type { Issue } from "#core/validate/issue.ts";
import { envelopeBytes } from "#functions/payload-bytes.ts";
import { boundReport } from "#functions/sync/rollups-budget.ts";

function report(projects: number) {
  const lines = [{ code: "1.1", title: "L", priority: "1", types: [] }];
  const plan: Plan = {
    priorities: [{ code: "1", title: "P" }],
    lines,
    projects: Array.from(
      { length: projects },
      (_, i): Project => ({ key: `PRJ-${i}`, code: `PRJ-${i}`, title: `Progetto ${i}`, line: "1.1", ticks: {} }),
    ),
    budget: Array.from({ length: projects }, (_, i) => ({ project: `PRJ-${i}`, category: "personnel", amount: 1000 + i })),
    present: { priorities: true, lines: true, projects: true, budget: true },
  };
  const issues: Issue[] = Array.from({ length: projects }, (_, i) => ({
    severity: "warning",
    code: "ref.unknown-line",
    sheet: "Progetti",
    cell: `D${i + 2}`,
    row: i + 2,
    message: `Linea sconosciuta nella riga ${i + 2}`,
  })) as Issue[];
  return buildReport({ file: "p", plan, issues, updatedAt: new Map() }, { today: "2026-12-05", locale: "it" });
}

describe("the rollups byte budget", () => {
  it("answers a report that fits unchanged, without a marker", () => {
    // Prepare
    const full = report(50);
    // Act
    const bounded = boundReport(full, envelopeBytes(full));
    // Assess
    expect(bounded).toBe(full);
    expect("truncated" in bounded).toBe(false);
  });

  it("cuts the lists of a report over budget to prefixes that fit, keeps the roll-ups whole, and counts what it left out", () => {
    const full = report(300);
    const all = envelopeBytes(full);
    const least = envelopeBytes({ ...full, projects: [], budget: [], issues: [] }) + 200;
    fc.assert(
      fc.property(fc.integer({ min: least, max: all - 1 }), (budget) => {
        // Act
        const bounded = boundReport(full, budget);
        // Assess
        expect(envelopeBytes(bounded)).toBeLessThanOrEqual(budget);
        expect(bounded.rollups).toEqual(full.rollups);
        expect(bounded.priorities).toEqual(full.priorities);
        expect(bounded.lines).toEqual(full.lines);
        expect(bounded.counts).toEqual(full.counts);
        for (const list of ["projects", "budget", "issues"] as const) {
          expect(bounded[list]).toEqual(full[list].slice(0, bounded[list].length));
          expect(bounded.truncated?.[list]).toBe(full[list].length - bounded[list].length);
        }
        // Projects are kept before budget totals, budget totals before issues.
        if (bounded.budget.length > 0) expect(bounded.projects).toHaveLength(full.projects.length);
        if (bounded.issues.length > 0) expect(bounded.budget).toHaveLength(full.budget.length);
      }),
      { numRuns: 60, seed: 16 },
    );
  });
});
