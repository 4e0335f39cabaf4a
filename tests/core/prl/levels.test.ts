import { describe, expect, it } from "vitest";
import fc from "fast-check";
import type { Outcome, Project } from "#core/model.ts";
import { prlIndex, prlNext, prlNextAbove, projectFlags, projectLevels, projectPrl } from "#core/prl/index.ts";
import { isoToSerial, monthsBetween, serialToIso } from "#core/values/index.ts";
import { ladder, line, plan, priority } from "./fixtures.ts";

/*
 * The report reads each project's evidence once (`projectLevels`) and hands the levels to
 * `prlIndex`; these must answer exactly as the one-mode functions do.
 */

const OUTCOMES: (Outcome | undefined)[] = [undefined, "submitted", "funded", "rejected", "withdrawn", "closed"];
const LINES = ["5.1", "5.2", "6.1", " 6.2 ", "9.9", ""];

/** Projects over a few lines (one unknown, one blank), with ladders of evidence and outcomes. */
const projectsArb: fc.Arbitrary<Project[]> = fc
  .array(fc.tuple(fc.integer({ min: 0, max: 9 }), fc.constantFrom(...OUTCOMES), fc.constantFrom(...LINES), fc.boolean()), {
    maxLength: 25,
  })
  .map((rows) =>
    rows.map(([k, outcome, l, withAcronym], i): Project => {
      const p: Project = { ...ladder(k), code: `C${i}`, key: `C${i}`, line: l };
      if (outcome !== undefined) p.outcome = outcome;
      if (withAcronym) p.acronym = `Acro ${i}`;
      return p;
    }),
  );

const modes = ["milestone", "strict"] as const;

describe("projectLevels and prlNextAbove", () => {
  it("projectLevels gives projectPrl of both modes, and prlNextAbove gives prlNext", () => {
    fc.assert(
      fc.property(projectsArb, (projects) => {
        for (const p of projects) {
          // Act
          const levels = projectLevels(p);
          // Assess
          expect(levels).toEqual({ milestone: projectPrl(p, "milestone"), strict: projectPrl(p, "strict") });
          expect(prlNextAbove(p, levels.milestone)).toEqual(prlNext(p, "milestone"));
          expect(prlNextAbove(p, levels.strict)).toEqual(prlNext(p, "strict"));
        }
      }),
    );
  });
});

describe("prlIndex with precomputed levels", () => {
  it.each(modes)("%s: answers every project, line and priority as when it computes the levels", (mode) => {
    fc.assert(
      fc.property(projectsArb, (projects) => {
        // Prepare
        const p = plan({
          priorities: [priority("5"), priority("6")],
          lines: [line("5.1", "5"), line("5.2", "5"), line("6.1", "6"), line("6.2", "6")],
          projects,
        });
        const levels = projects.map((x) => projectLevels(x)[mode]);
        // Act
        const given = prlIndex(p, mode, levels);
        const computed = prlIndex(p, mode);
        // Assess
        const refs = [...projects.flatMap((x) => [x.key, x.acronym ?? "", ` ${x.key.toLowerCase()} `]), ...LINES, "5", "6", "7"];
        for (const ref of refs) {
          for (const aggregate of ["max", "avg", "min"] as const) {
            expect(given.lookup(ref, aggregate)).toEqual(computed.lookup(ref, aggregate));
          }
          expect(given.project(ref)).toEqual(computed.project(ref));
          expect(given.findProject(ref)).toBe(computed.findProject(ref));
        }
      }),
    );
  });

  it.each<[string, Project[], string, number | undefined]>([
    ["a line named only by withdrawn projects exists with PRL 0", [{ ...ladder(6), key: "W", line: "8.1", outcome: "withdrawn" }], "8.1", 0],
    ["a project's own line outside the lines sheet gets its PRL", [{ ...ladder(4), key: "A", line: "8.1" }], "8.1", 4],
    ["the first of duplicated keys answers", [{ ...ladder(2), key: "D" }, { ...ladder(7), key: "D" }], "d", 2],
  ])("%s", (_what, projects, ref, expected) => {
    // Prepare
    const p = plan({ priorities: [priority("8")], lines: [], projects });
    // Act
    const index = prlIndex(p, "milestone", projects.map((x) => projectLevels(x).milestone));
    // Assess
    expect(index.lookup(ref)?.prl).toBe(expected);
  });
});

describe("dormant flag over many projects (remembered dates)", () => {
  const day = fc.integer({ min: 44_000, max: 46_500 }).map((serial) => serialToIso(serial));
  it("answers as counting the months afresh, whatever the order of dates and todays", () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.constantFrom("2025-03-31", "2026-02-28", "2024-02-29"), day), { maxLength: 40 }), (pairs) => {
        for (const [today, last] of pairs) {
          // Prepare: the rule of SPEC §6 computed directly, nothing remembered
          const expected = monthsBetween(last, serialToIso(isoToSerial(today) - 1)) >= 12;
          // Act
          const flags = projectFlags({ key: "P", ticks: {}, lastUpdate: last }, { today });
          // Assess
          expect([last, today, flags.includes("dormant")]).toEqual([last, today, expected]);
        }
      }),
    );
  });
});
