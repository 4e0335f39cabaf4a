/**
 * Issue #11 part 4: a pull can take the cloud. A copy that never synced adopts the rows it already
 * holds and is offered the rows that differ ("never synced here", not "edited"); rows edited since
 * their base stay protected unless the person chooses to drop the edit; dates arrive as dates and
 * formula-like text as text. Two in-memory workbooks through the real Excel adapter, against the
 * real local API over DynamoDB Local.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { createApiClient } from "#addin/api/client.ts";
import type { ApiClient } from "#addin/api/client.ts";
import { staticTokenSource } from "#addin/auth/static-token.ts";
import type { SeedSheet } from "#addin/memory-host/host.ts";
import { takeAllUnbased, takeableKeys } from "#addin/taskpane/sync/pull.ts";
import type { PullItem } from "#addin/taskpane/sync/pull.ts";
import { isoToSerial } from "#core/values/date.ts";
import { useLocalStack } from "#tests/support/local-stack.ts";
import { LINES, PRIORITIES, testWorkbook } from "./sync-workbooks.ts";
import type { TestWorkbook } from "./sync-workbooks.ts";

const stack = useLocalStack();
let api: ApiClient;
let plans = 0;

/** Projects: A code, B acronym, C title, D line, E partners, F submission date (a date cell). */
const PROJECTS = (): SeedSheet => ({
  name: "Progetti",
  values: [
    ["Codice", "Acronimo", "Titolo progetto", "Linea", "Partner", "Data presentazione"],
    ["DGH", "DigitalGreenHealth", "Titolo originale", "5.1", "UNIBO, UNIMORE", isoToSerial("2021-10-26")],
    ["AIM", "AImed", "Secondo progetto", "5.1", "UNIPR", null],
  ],
});
const sheets = () => [PRIORITIES(), LINES(), PROJECTS()];

async function plan(): Promise<string> {
  const id = `take-${++plans}`;
  await stack().store.createPlan(id, id, "editor");
  return id;
}

async function cloudValue(planId: string, key: string, field: string): Promise<unknown> {
  const rows = await stack().store.getRows(planId, [{ entity: "project", key }]);
  return rows.get(`project#${key}`)?.values[field];
}

/** Anna's workbook, pushed (v1), then her edit of DGH's partners pushed (v2). */
async function annaChangesDgh(planId: string): Promise<TestWorkbook> {
  const anna = await testWorkbook(api, planId, sheets());
  await anna.push();
  await anna.edit("Progetti", { E2: "UNIBO" });
  const pushed = await anna.push();
  expect(pushed.results.map((r) => `${r.key}:${r.status}`)).toEqual(["DGH:applied"]);
  return anna;
}

beforeAll(async () => {
  const s = stack();
  api = createApiClient({
    baseUrl: s.apiUrl,
    tokens: staticTokenSource(await s.issuer.mintToken({ oid: "editor", name: "Editor" })),
  });
});

describe("a copy that never synced takes a colleague's change", () => {
  it("adopts the equal rows, offers the differing one as never synced, and writes it only on request", async () => {
    // Prepare: Bruno's copy of the original file, bound to the plan, with no base versions.
    const planId = await plan();
    await annaChangesDgh(planId);
    const bruno = await testWorkbook(api, planId, sheets());
    // Act
    const preview = await bruno.preview();
    const applied = await bruno.apply(preview, new Set(["project:DGH"]));
    // Assess: DGH offered as never synced (not "edited"), the equal rows adopted, DGH taken.
    expect(preview.items.find((i) => i.change.key === "DGH")).toMatchObject({
      locallyChanged: true,
      unbased: true,
    });
    expect(takeableKeys(preview.items)).toEqual(["project:DGH"]);
    expect(applied).toMatchObject({ written: 1, taken: 1, keptLocal: 0, keptUnbased: 0, adopted: 3 });
    expect(bruno.cell("Progetti", "E2")).toBe("UNIBO");
    const state = await bruno.state();
    expect(state.rows["project:DGH"]?.version).toBe(2);
    expect(state.rows["project:AIM"]?.version).toBe(1);
    expect(state.rows["priority:5"]?.version).toBe(1);
    expect((await bruno.push()).sent).toBe(0);
    expect(await cloudValue(planId, "DGH", "partners")).toEqual(["UNIBO"]);
  });

  it("left as it is when not chosen: never counted as edited, and the next push offers it as a choice", async () => {
    // Prepare
    const planId = await plan();
    await annaChangesDgh(planId);
    const bruno = await testWorkbook(api, planId, sheets());
    // Act
    const applied = await bruno.apply(await bruno.preview());
    const push = await bruno.push();
    // Assess
    expect(applied).toMatchObject({ written: 0, taken: 0, keptLocal: 0, keptUnbased: 1, adopted: 3 });
    expect(bruno.cell("Progetti", "E2")).toBe("UNIBO, UNIMORE");
    expect((await bruno.state()).rows["project:DGH"]).toBeUndefined();
    expect(push.conflicts.map((c) => [c.key, c.cloud.version])).toEqual([["DGH", 2]]);
    expect(await cloudValue(planId, "DGH", "partners")).toEqual(["UNIBO"]);
  });

  it("a row edited since its base stays protected unless the person drops the edit", async () => {
    // Prepare: Bruno synced (pulled the rows, bases recorded), then edited DGH's title.
    const planId = await plan();
    const anna = await testWorkbook(api, planId, sheets());
    await anna.push();
    const bruno = await testWorkbook(api, planId, sheets());
    await bruno.pull();
    await bruno.edit("Progetti", { C2: "Titolo di Bruno" });
    await anna.edit("Progetti", { E2: "UNIBO" });
    await anna.push();
    // Act 1: preview, and write with nothing chosen.
    const preview = await bruno.preview();
    const kept = await bruno.apply(preview);
    // Assess 1: really edited → the "edited in the file" count, and nothing overwritten.
    expect(preview.items.find((i) => i.change.key === "DGH")).toMatchObject({ locallyChanged: true });
    expect(preview.items.find((i) => i.change.key === "DGH")?.unbased).toBeUndefined();
    expect(takeAllUnbased(preview.items, new Set())).toEqual(new Set());
    expect(kept).toMatchObject({ written: 0, keptLocal: 1, keptUnbased: 0 });
    expect(bruno.cell("Progetti", "C2")).toBe("Titolo di Bruno");
    // Act 2: the same preview written again, Bruno choosing the cloud's version of DGH.
    const taken = await bruno.apply(preview, new Set(["project:DGH"]));
    // Assess 2: his edit is dropped, Anna's change is in, and nothing is left to push.
    expect(taken).toMatchObject({ written: 1, taken: 1, keptLocal: 0 });
    expect(bruno.cell("Progetti", "C2")).toBe("Titolo originale");
    expect(bruno.cell("Progetti", "E2")).toBe("UNIBO");
    expect((await bruno.push()).sent).toBe(0);
  });
});

describe("what a pull writes", () => {
  it("writes dates as date serials with a date format, and formula-like text as text", async () => {
    // Prepare: Anna changes DGH's date, gives AIM its first date and a title that looks like a formula.
    const planId = await plan();
    const anna = await testWorkbook(api, planId, sheets());
    await anna.push();
    const bruno = await testWorkbook(api, planId, sheets());
    await bruno.pull();
    await anna.edit("Progetti", { F2: isoToSerial("2022-01-31"), F3: "15/03/2023", C3: "'=SUM(A1:A2)" });
    await anna.push();
    // Act
    const applied = await bruno.apply(await bruno.preview());
    // Assess: real dates — a number in the cell, shown with a date format where it had none.
    expect(applied).toMatchObject({ written: 2, keptLocal: 0 });
    expect(bruno.cell("Progetti", "F2")).toBe(isoToSerial("2022-01-31"));
    expect(bruno.cell("Progetti", "F3")).toBe(isoToSerial("2023-03-15"));
    expect(bruno.fake.cell("Progetti", "F3")?.format?.numberFormat).toBe("dd/mm/yyyy");
    expect(bruno.cell("Progetti", "C3")).toBe("=SUM(A1:A2)");
    expect(bruno.fake.cell("Progetti", "C3")?.formula).toBeUndefined();
    // and the file reads back what the cloud holds: nothing to push.
    expect((await bruno.push()).sent).toBe(0);
    expect(await cloudValue(planId, "AIM", "submitted")).toBe("2023-03-15");
  });
});

describe("take all", () => {
  const item = (key: string, locallyChanged: boolean, unbased?: boolean): PullItem => ({
    change: {
      entity: "project",
      key,
      version: 2,
      values: {},
      deleted: false,
      updatedAt: "",
      updatedBy: "",
    } as unknown as PullItem["change"],
    fields: [],
    isNew: false,
    locallyChanged,
    ...(unbased === undefined ? {} : { unbased }),
  });

  it("selects every row without a base and keeps the edited rows the person chose, nothing else", () => {
    // Prepare
    const items = [
      item("A", true, true),
      item("B", true),
      item("C", false),
      item("D", true, true),
      item("E", true),
    ];
    // Act
    const all = takeAllUnbased(items, new Set(["project:E"]));
    // Assess
    expect([...all].sort()).toEqual(["project:A", "project:D", "project:E"]);
  });
});
