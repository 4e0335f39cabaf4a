import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { entityToJson, validateEntity } from "#core/validate/entity.ts";
import type { EntityContext } from "#core/validate/entity.ts";
import { analyzeWorkbook } from "#core/analyze.ts";
import type { EntityKind } from "#core/model.ts";
import { bigDataPlan, messyPlan, snapshotOf } from "#samples/seed-workbook.ts";
import { cleanPlan, codesAt, PROJECT_HEADER } from "#tests/core/analyze/workbook.ts";

const ctx: EntityContext = { locale: "it", priorities: new Set(["5"]), lines: new Set(["5.1", "5.2"]), projects: new Set(["DGH", "DigitalGreenHealth"]) };

describe("validateEntity", () => {
  it.each<[string, EntityKind, Record<string, unknown>, string, string]>([
    ["a line of an unknown priority", "line", { code: "6.1", title: "Medicina di genere", priority: "6", types: [] }, "priority", "ref.unknown-priority"],
    ["a project of an unknown line", "project", { key: "X", code: "X", title: "X", line: "5.9", ticks: {} }, "line", "ref.unknown-line"],
    ["a project without title", "project", { key: "X", code: "X", ticks: {} }, "title", "required.missing"],
    ["a negative requested funding", "project", { code: "X", title: "X", requested: -5, ticks: {} }, "requested", "value.negative"],
    ["an impossible date", "project", { code: "X", title: "X", submitted: "2022-02-31", ticks: {} }, "submitted", "value.impossible-date"],
    ["an unknown outcome", "project", { code: "X", title: "X", outcome: "maybe", ticks: {} }, "outcome", "vocab.unknown-outcome"],
    ["a tick that is not a tick", "project", { code: "X", title: "X", ticks: { grantSigned: "forse" } }, "grantSigned", "value.not-a-tick"],
    ["a formula written as a value", "project", { code: "X", title: "X", totalBudget: "=1+1", ticks: {} }, "totalBudget", "value.not-a-number"],
    ["a budget row of an unknown project", "budget", { project: "GHOST", category: "personnel", amount: 10 }, "project", "ref.unknown-project"],
    ["a priority without code", "priority", { title: "Big Data" }, "code", "required.missing"],
  ])("reports %s at the field name", (_what, kind, values, field, code) => {
    // Act
    const { issues, entity } = validateEntity(kind, values, ctx);
    // Assess
    expect(issues.map((i) => [i.column, i.code])).toContainEqual([field, code]);
    expect(issues.every((i) => i.sheet === "" && i.cell === "")).toBe(true);
    if (issues.some((i) => i.severity === "error")) expect(entity?.hasErrors).toBe(true);
  });

  it("reads money in euro numbers and dates in ISO, like the sheet", () => {
    // Act
    const { entity, issues } = validateEntity(
      "project",
      { code: "DGH", acronym: "DigitalGreenHealth", title: "T", line: "5.2", programme: "Horizon Europe", submitted: "2021-10-26", totalBudget: 499875, outcome: "under-evaluation", partners: ["A", "B"], ticks: { grantSigned: true } },
      ctx,
    );
    // Assess
    expect(issues).toEqual([]);
    expect(entity).toMatchObject({ key: "DGH", totalBudget: 49_987_500, submitted: "2021-10-26", partners: ["A", "B"], ticks: { grantSigned: true } });
  });

  it.each([
    ["big data plan", bigDataPlan],
    ["messy plan", messyPlan],
  ])("round-trips every valid entity of the %s through entityToJson with no new issue", (_name, fixture) => {
    // Prepare
    const { plan } = analyzeWorkbook(snapshotOf(fixture()));
    const full: EntityContext = {
      locale: "it",
      priorities: new Set(plan.priorities.map((p) => p.code)),
      lines: new Set(plan.lines.map((l) => l.code)),
      projects: new Set(plan.projects.flatMap((p) => [p.key, p.code ?? "", p.acronym ?? ""])),
    };
    const all: [EntityKind, { hasErrors?: boolean }][] = [
      ...plan.priorities.map((e) => ["priority", e] as [EntityKind, typeof e]),
      ...plan.lines.map((e) => ["line", e] as [EntityKind, typeof e]),
      ...plan.projects.map((e) => ["project", e] as [EntityKind, typeof e]),
      ...plan.budget.map((e) => ["budget", e] as [EntityKind, typeof e]),
    ];
    for (const [kind, e] of all.filter(([, e]) => e.hasErrors !== true)) {
      // Act
      const wire = entityToJson(kind, e as never);
      const back = validateEntity(kind, wire, full);
      // Assess
      expect(back.issues.filter((i) => i.severity === "error"), JSON.stringify(wire)).toEqual([]);
      expect(entityToJson(kind, back.entity as never)).toEqual(wire);
    }
  });

  it("never throws on arbitrary JSON values", () => {
    fc.assert(
      fc.property(fc.constantFrom<EntityKind>("priority", "line", "project", "budget"), fc.dictionary(fc.string(), fc.jsonValue()), (kind, values) => {
        const r = validateEntity(kind, values, ctx);
        expect(Array.isArray(r.issues)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it("never throws on any JSON value in any known field", () => {
    const fields = ["code", "acronym", "title", "line", "priority", "types", "programme", "totalBudget", "requested", "amount", "submitted", "deadline", "ticks", "partners", "prlStated", "category", "rate", "year", "extra"];
    fc.assert(
      fc.property(fc.constantFrom<EntityKind>("priority", "line", "project", "budget"), fc.dictionary(fc.constantFrom(...fields), fc.oneof(fc.jsonValue(), fc.double(), fc.constant(undefined))), (kind, values) => {
        const r = validateEntity(kind, values, ctx);
        expect(r.entity).toBeDefined();
        for (const i of r.issues) expect(typeof i.message).toBe("string");
      }),
      { numRuns: 500 },
    );
  });
});

describe("one set of rules for the sheet and the wire", () => {
  it.each<[string, string, unknown, string]>([
    ["Esito", "outcome", "forse", "vocab.unknown-outcome"],
    ["Programma", "programme", "Horizon 2030", "vocab.unknown-programme"],
    ["Data presentazione", "submitted", "31/02/2022", "value.impossible-date"],
    ["Budget totale", "totalBudget", "-50.000", "value.negative"],
    ["Budget totale", "totalBudget", "#REF!", "value.formula-error"],
    ["Scadenza", "deadline", "presto", "value.not-a-date"],
    ["PRL", "prlStated", 12, "value.not-a-prl"],
  ])("%s / %s = %j is %s in both", (heading, field, value, code) => {
    // Prepare
    const col = String.fromCharCode(65 + PROJECT_HEADER.indexOf(heading));
    // Act
    const sheet = analyzeWorkbook(cleanPlan({ [heading]: value as never }));
    const wire = validateEntity("project", { code: "DGH", title: "T", line: "5.2", [field]: value, ticks: {} }, ctx);
    // Assess
    expect(codesAt(sheet.issues, `Progetti!${col}2`)).toContain(code);
    expect(wire.issues.filter((i) => i.column === field).map((i) => i.code)).toContain(code);
  });
});
