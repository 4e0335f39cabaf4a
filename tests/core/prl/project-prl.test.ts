import { describe, expect, it } from "vitest";
import type { Outcome, Project } from "#core/model.ts";
import { projectPrl, prlNext, EVIDENCE } from "#core/prl/index.ts";
import { ladder, project } from "./fixtures.ts";

describe("projectPrl: evidence → level (SPEC §6 table, milestone mode)", () => {
  it.each<[string, Partial<Project>, number]>([
    ["nothing", {}, 0],
    ["title without a line", { title: "T" }, 0],
    ["a line without title or acronym", { line: "5.1" }, 0],
    ["blank title and a line", { title: "  ", line: "5.1" }, 0],
    ["title and line", { title: "T", line: "5.1" }, 1],
    ["acronym and line", { acronym: "DGH", line: "5.1" }, 1],
    ["objectives text", { objectives: "Abstract" }, 2],
    ["a coordinator", { coordinator: "Clust-ER Health" }, 2],
    ["programme without call", { programme: "Horizon Europe" }, 0],
    ["call without programme", { call: "HORIZON-EIE-2021-CONNECT-01" }, 0],
    ["programme and call", { programme: "Horizon Europe", call: "HORIZON-EIE-2021-CONNECT-01" }, 3],
    ["partners listed", { partners: ["Zenit GmbH"] }, 4],
    ["empty partner list", { partners: [] }, 0],
    ["tick consortium confirmed", { ticks: { consortiumConfirmed: true } }, 4],
    ["total budget > 0", { totalBudget: 1 }, 5],
    ["total budget 0", { totalBudget: 0 }, 0],
    ["tick proposal ready", { ticks: { proposalReady: true } }, 5],
    ["a submission date", { submitted: "2021-10-26" }, 6],
    ["tick above threshold", { ticks: { aboveThreshold: true } }, 7],
    ["tick grant signed", { ticks: { grantSigned: true } }, 8],
    ["tick results delivered", { ticks: { resultsDelivered: true } }, 9],
    ["a ticked box set to false", { ticks: { grantSigned: false } }, 0],
  ])("%s gives PRL %i", (_name, fields, expected) => {
    // Prepare
    const p = project(fields);
    // Act
    const level = projectPrl(p, "milestone");
    // Assess
    expect(level).toBe(expected);
  });

  it.each<[Outcome, number]>([
    ["idea", 0],
    ["drafting", 0],
    ["submitted", 6],
    ["under-evaluation", 6],
    ["reserve", 7],
    ["funded", 8],
    ["running", 8],
    ["closed", 9],
    ["rejected", 6],
    ["withdrawn", 0],
  ])("outcome %s alone gives PRL %i", (outcome, expected) => {
    expect(projectPrl(project({ outcome }), "milestone")).toBe(expected);
  });
});

describe("projectPrl: milestone vs strict", () => {
  it.each([1, 2, 3, 4, 5, 6, 7, 8, 9])("a full ladder to level %i is that level in both modes", (k) => {
    // Prepare
    const p = ladder(k);
    // Act
    const milestone = projectPrl(p, "milestone");
    const strict = projectPrl(p, "strict");
    // Assess
    expect([milestone, strict]).toEqual([k, k]);
  });

  it.each<[string, number, number, number, number[]]>([
    ["submission date but no title/line", 6, 0, 6, [1, 2, 3, 4, 5]],
    ["ladder to 9 missing the consortium", 9, 3, 9, [4]],
    ["ladder to 6 missing the concept", 6, 1, 6, [2]],
    ["ladder to 8 missing only level 8 evidence", 7, 7, 8, [8]],
  ])("%s: milestone %i, strict %i", (_name, milestone, strict, k, without) => {
    // Prepare
    const p = ladder(k, without);
    // Act
    const levels = [projectPrl(p, "milestone"), projectPrl(p, "strict")];
    // Assess
    expect(levels).toEqual([milestone, strict]);
  });

  it("a submission date with no title or line is 6 milestone and 0 strict", () => {
    const p = project({ code: "X", submitted: "2021-10-26" });
    expect([projectPrl(p, "milestone"), projectPrl(p, "strict")]).toEqual([6, 0]);
  });
});

describe("projectPrl: rejected and withdrawn cap at 6", () => {
  it.each<[Outcome, number, string, number]>([
    ["rejected", 9, "milestone", 6],
    ["withdrawn", 9, "milestone", 6],
    ["rejected", 9, "strict", 6],
    ["withdrawn", 3, "milestone", 3],
    ["rejected", 0, "milestone", 6],
    ["withdrawn", 0, "milestone", 0],
  ])("outcome %s on a ladder to %i (%s) gives %i", (outcome, k, mode, expected) => {
    const p: Project = { ...ladder(k), outcome };
    expect(projectPrl(p, mode as "milestone" | "strict")).toBe(expected);
  });
});

describe("prlNext names the first missing evidence above the current level", () => {
  it.each([0, 1, 2, 3, 4, 5, 6, 7, 8])("at level %i the next is level +1 with its evidence", (k) => {
    // Prepare
    const p = k === 0 ? project() : ladder(k);
    // Act
    const next = prlNext(p);
    // Assess
    expect(next).toEqual({ level: k + 1, evidence: EVIDENCE[k] });
  });

  it.each<[string, Project, "milestone" | "strict", { level: number; evidence: string } | undefined]>([
    ["delivered project", ladder(9), "milestone", undefined],
    ["rejected project held at 6", { ...ladder(9), outcome: "rejected" }, "milestone", undefined],
    ["withdrawn project at 6", { ...ladder(6), outcome: "withdrawn" }, "milestone", undefined],
    [
      "rejected project with a gap at 4 in strict mode",
      { ...ladder(6, [4]), outcome: "rejected" },
      "strict",
      { level: 4, evidence: "consortium" },
    ],
    [
      "submission only, strict",
      project({ submitted: "2021-10-26" }),
      "strict",
      { level: 1, evidence: "title-and-line" },
    ],
    [
      "submission only, milestone",
      project({ submitted: "2021-10-26" }),
      "milestone",
      { level: 7, evidence: "above-threshold" },
    ],
  ])("%s (%s)", (_name, p, mode, expected) => {
    expect(prlNext(p, mode)).toEqual(expected);
  });
});
