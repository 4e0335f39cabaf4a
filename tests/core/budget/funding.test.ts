import { describe, expect, it } from "vitest";
import type { Project } from "#core/model.ts";
import { fundingRate, requestedFunding, summarizeBudgets } from "#core/budget/index.ts";

const proj = (fields: Partial<Project>): Project => ({ key: "P", ticks: {}, ...fields });

describe("fundingRate", () => {
  it.each<[string | undefined, number | undefined]>([
    ["RIA", 1],
    ["ria", 1],
    [" HORIZON-RIA ", 1],
    ["Research and Innovation Action", 1],
    ["CSA", 1],
    ["Coordination and Support Action", 1],
    ["IA", 0.7],
    ["Innovation Action", 0.7],
    ["HORIZON-IA", 0.7],
    ["EIC", undefined],
    ["MSCA-DN", undefined],
    ["", undefined],
    [undefined, undefined],
  ])("action type %j → %s", (actionType, expected) => {
    expect(fundingRate(actionType)).toBe(expected);
  });
});

describe("requestedFunding", () => {
  it.each<[string, Partial<Project>, number | undefined]>([
    [
      "the stated amount wins",
      { requested: 30_000_00, totalBudget: 100_000_00, actionType: "IA" },
      30_000_00,
    ],
    ["RIA requests 100 % of the total", { totalBudget: 100_000_00, actionType: "RIA" }, 100_000_00],
    ["CSA requests 100 % of the total", { totalBudget: 49_987_500, actionType: "CSA" }, 49_987_500],
    ["IA requests 70 % of the total", { totalBudget: 100_000_00, actionType: "IA" }, 70_000_00],
    ["IA rounds half up to the cent", { totalBudget: 5, actionType: "IA" }, 4],
    ["an unknown action type is not guessed", { totalBudget: 100_000_00, actionType: "EIC" }, undefined],
    ["no action type is not guessed", { totalBudget: 100_000_00 }, undefined],
    ["no total and no budget rows", { actionType: "RIA" }, undefined],
  ])("%s", (_name, fields, expected) => {
    expect(requestedFunding(proj(fields))).toBe(expected);
  });

  it("without a total budget cell the budget sheet total is used", () => {
    // Prepare: 160 000 direct + 25 % overhead = 200 000, IA 70 % = 140 000
    const s = summarizeBudgets([{ project: "P", category: "personnel", amount: 160_000_00 }], []).get("P");
    // Act / Assess
    expect(requestedFunding(proj({ actionType: "IA" }), s)).toBe(140_000_00);
  });
});
