import { describe, expect, it } from "vitest";
import type { Aggregate, PrlMode } from "#core/prl/index.ts";
import { linePrl, prlIndex, priorityPrl } from "#core/prl/index.ts";
import { ladder, line, plan, priority, project } from "./fixtures.ts";

/** Priority 5 with lines 5.1 (PRL 2, 6, and a withdrawn 6), 5.2 (PRL 9), 5.3 (no project); priority 6 empty. */
const fixture = plan({
  priorities: [priority("5"), priority("6")],
  lines: [line("5.1", "5"), line("5.2", "5"), line("5.3", "5")],
  projects: [
    { ...ladder(2), code: "A", key: "A", line: "5.1" },
    { ...ladder(6), code: "B", key: "B", acronym: "Bravo", line: "5.1" },
    { ...ladder(6), code: "W", key: "W", line: "5.1", outcome: "withdrawn" },
    { ...ladder(9, [3]), code: "C", key: "C", line: "5.2" },
  ],
});

describe("linePrl aggregates the line's projects that are not withdrawn", () => {
  it.each<[string, Aggregate, PrlMode, number]>([
    ["5.1", "max", "milestone", 6],
    ["5.1", "min", "milestone", 2],
    ["5.1", "avg", "milestone", 4],
    ["5.2", "max", "milestone", 9],
    ["5.2", "max", "strict", 2],
    ["5.3", "max", "milestone", 0],
    ["5.3", "avg", "milestone", 0],
    ["9.9", "max", "milestone", 0],
  ])("line %s %s (%s) is %d", (code, aggregate, mode, expected) => {
    expect(linePrl(fixture, code, { aggregate, mode })).toBe(expected);
  });

  it("a line whose only project is withdrawn has PRL 0", () => {
    const p = plan({
      lines: [line("1.1", "1")],
      projects: [{ ...ladder(9), line: "1.1", outcome: "withdrawn" }],
    });
    expect(linePrl(p, "1.1")).toBe(0);
  });

  it("a rejected project counts, capped at 6", () => {
    const p = plan({
      lines: [line("1.1", "1")],
      projects: [{ ...ladder(9), line: "1.1", outcome: "rejected" }],
    });
    expect(linePrl(p, "1.1")).toBe(6);
  });

  it("the average rounds half up to one decimal", () => {
    // Prepare: levels 1, 1, 2 → 1.333… and 1, 2 → 1.5 and 1, 1, 1, 2 → 1.25 → 1.3
    const mk = (code: string, levels: number[]) =>
      levels.map((k, i) => ({ ...ladder(k), key: `${code}-${i}`, line: code }));
    const p = plan({
      lines: [line("1.1", "1"), line("1.2", "1"), line("1.3", "1")],
      projects: [...mk("1.1", [1, 1, 2]), ...mk("1.2", [1, 2]), ...mk("1.3", [1, 1, 1, 2])],
    });
    // Act
    const avgs = ["1.1", "1.2", "1.3"].map((c) => linePrl(p, c, { aggregate: "avg" }));
    // Assess
    expect(avgs).toEqual([1.3, 1.5, 1.3]);
  });
});

describe("priorityPrl aggregates its lines", () => {
  it.each<[string, Aggregate, PrlMode, number]>([
    ["5", "max", "milestone", 9],
    ["5", "min", "milestone", 0], // line 5.3 has no project
    ["5", "avg", "milestone", 4.3], // (4 + 9 + 0) / 3
    ["5", "max", "strict", 6],
    ["6", "max", "milestone", 0],
    ["7", "max", "milestone", 0],
  ])("priority %s %s (%s) is %d", (code, aggregate, mode, expected) => {
    expect(priorityPrl(fixture, code, { aggregate, mode })).toBe(expected);
  });
});

describe("prlIndex answers lookups like the direct functions", () => {
  const index = prlIndex(fixture, "milestone");

  it.each<[string, { kind: string; key: string; prl: number } | undefined]>([
    ["A", { kind: "project", key: "A", prl: 2 }],
    ["bravo", { kind: "project", key: "B", prl: 6 }],
    [" b ", { kind: "project", key: "B", prl: 6 }],
    ["5.1", { kind: "line", key: "5.1", prl: 6 }],
    ["5", { kind: "priority", key: "5", prl: 9 }],
    ["6", { kind: "priority", key: "6", prl: 0 }],
    ["nope", undefined],
  ])("lookup(%j)", (ref, expected) => {
    expect(index.lookup(ref)).toEqual(expected);
  });

  it.each<[string, Aggregate]>([
    ["5.1", "avg"],
    ["5.2", "min"],
    ["5.3", "max"],
  ])("line %s %s matches linePrl", (code, aggregate) => {
    expect(index.line(code, aggregate)).toBe(linePrl(fixture, code, { aggregate }));
  });

  it("unknown codes are undefined, not 0", () => {
    expect([index.project("Z"), index.line("9.9"), index.priority("9")]).toEqual([
      undefined,
      undefined,
      undefined,
    ]);
  });

  it("a project found by acronym is the model project", () => {
    expect(index.findProject("BRAVO")?.key).toBe("B");
  });

  it("projects with errors still get a PRL", () => {
    const p = plan({ projects: [project({ code: "E", hasErrors: true, submitted: "2021-10-26" })] });
    expect(prlIndex(p, "milestone").project("E")).toBe(6);
  });
});
