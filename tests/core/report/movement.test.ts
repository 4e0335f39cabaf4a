/** The movement between two reports: what counts as a change, and what does not. */
import { describe, expect, it } from "vitest";
import { diffReports, prlDelta } from "#core/report/movement.ts";
import type { ReportProject } from "#core/report/index.ts";

const p = (code: string, prl: number, extra: Partial<ReportProject> = {}): ReportProject => ({
  code,
  title: `Progetto ${code}`,
  line: "5.1",
  prl,
  prlStrict: prl,
  prlLabel: "",
  flags: [],
  ...extra,
});
const report = (...projects: ReportProject[]) => ({ projects });

describe("diffReports", () => {
  it.each([
    ["a PRL change", p("A", 5), p("A", 6, { outcome: "submitted" }), ["prl", "outcome"]],
    ["a requested amount", p("A", 5, { requested: 10 }), p("A", 5, { requested: 20 }), ["requested"]],
    ["funding", p("A", 7, { outcome: "reserve", requested: 10 }), p("A", 8, { outcome: "funded", requested: 10 }), ["prl", "outcome", "funded"]],
  ] as const)("lists %s with the fields that differ", (_, before, after, fields) => {
    const [entry] = diffReports(report(before), report(after), new Map([["A", { at: "2026-02-01T00:00:00.000Z", by: "ada" }]]));
    expect(entry).toMatchObject({ project: "A", kind: "changed", fields, by: "ada" });
  });

  it("leaves out a project whose tracked values did not change (a title edit)", () => {
    expect(diffReports(report(p("A", 5)), report(p("A", 5, { title: "Nuovo titolo" })), new Map())).toEqual([]);
  });

  it("lists added and removed projects by identity (code, else acronym), in order", () => {
    const out = diffReports(
      report(p("B", 3), { ...p("", 2), code: undefined, acronym: "ACR" }),
      report(p("A", 1), p("B", 3)),
      new Map(),
    );
    expect(out.map((e) => [e.project, e.kind])).toEqual([
      ["A", "added"],
      ["ACR", "removed"],
    ]);
    expect(out[0]?.before).toBeUndefined();
    expect(out[1]?.after).toBeUndefined();
  });
});

describe("prlDelta", () => {
  it.each([
    [5, 8, 3],
    [8, 5, -3],
    [undefined, 4, 4],
    [6, undefined, -6],
  ])("from %s to %s is %s", (a, b, d) => expect(prlDelta(a, b)).toBe(d));
});
