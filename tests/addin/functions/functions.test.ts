/**
 * CLUSTER custom functions over the Big Data plan on the fake host, through the functions Excel
 * registers (SPEC §6–§8 examples and errors), and live refresh after an edit.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ExcelAdapter } from "#addin/excel/adapter.ts";
import { associateAll } from "#addin/functions/functions.ts";
import { PlanStore, setSharedPlanStore } from "#addin/shared/plan-store.ts";
import { columnLetter } from "#core/values/address.ts";
import {
  FakeCellError,
  FakeStreamingInvocation,
  installCustomFunctions,
  type InstalledRuntime,
} from "#addin/memory-host/custom-functions.ts";
import { createFakeExcel, seedFromSnapshot, type FakeExcelHost } from "#addin/memory-host/host.ts";
import { bigDataPlan } from "#samples/seed-workbook.ts";

type Fn = (...args: unknown[]) => unknown;

let runtime: InstalledRuntime;
let host: FakeExcelHost;
let store: PlanStore;

beforeEach(async () => {
  runtime = installCustomFunctions();
  associateAll();
  host = createFakeExcel({ sheets: bigDataPlan().map(seedFromSnapshot) });
  store = new PlanStore(new ExcelAdapter({ run: host.run }), { debounceMs: 10 });
  setSharedPlanStore(store);
  await store.start();
});

afterEach(async () => {
  await store.stop();
  setSharedPlanStore(undefined);
  runtime.uninstall();
});

function fn(id: string): Fn {
  const f = runtime.registry.get(id);
  if (!f) throw new Error(`${id} not associated`);
  return f as Fn;
}

/** Calls a streaming function the way Excel does and returns its first answer. */
async function streamed(id: string, args: unknown[]): Promise<unknown> {
  const invocation = new FakeStreamingInvocation<unknown>();
  fn(id)(...args, invocation);
  await invocation.next(1);
  invocation.cancel();
  return invocation.results[0];
}

describe("CLUSTER.PRL", () => {
  it.each([
    ["a project by code (SPEC §10: DGH is 6)", ["DGH", null, null], 6],
    ["a project by acronym", ["DigitalGreenHealth", null, null], 6],
    ["a reference in another case and with spaces", [" dgh ", null, null], 6],
    ["strict mode when every level below is evidenced", ["DGH", "strict", null], 6],
    ["a closed project (PRL 9)", ["CLUSTER-2020", null, null], 9],
    ["strict mode stopping at the missing call (level 3)", ["CLUSTER-2020", "strict", null], 2],
    ["a line: the highest of its projects", ["5.4", null, null], 9],
    ["a line with min over DGH (6) and a funded project", ["5.2", "milestone", "min"], 6],
    ["a priority given as a number", [5, null, null], 9],
  ])("gives %s", async (_, args, expected) => {
    // Act
    const result = await streamed("PRL", args);
    // Assess
    expect(result).toBe(expected);
  });

  it.each([
    ["an unknown reference", ["5.9", null, null], "#N/A"],
    ["an empty reference", ["", null, null], "#VALUE!"],
    ["a bad mode", ["DGH", "fast", null], "#VALUE!"],
    ["a bad aggregate", ["5", null, "median"], "#VALUE!"],
    ["a boolean reference", [true, null, null], "#VALUE!"],
  ])("returns %s as %s with a message", async (_, args, code) => {
    // Act
    const result = await streamed("PRL", args);
    // Assess
    expect(result).toBeInstanceOf(FakeCellError);
    expect((result as FakeCellError).code).toBe(code);
    expect((result as FakeCellError).message?.length).toBeGreaterThan(10);
  });

  it("answers again after the user edits the sheet, without any network", async () => {
    // Prepare
    const values = host.values("Progetti");
    const header = values[0] ?? [];
    const outcomeCol = header.indexOf("Esito") + 1;
    const dghRow = values.findIndex((r) => r[0] === "DGH") + 1;
    const invocation = new FakeStreamingInvocation<unknown>();
    fn("PRL")("DGH", null, null, invocation);
    await invocation.next(1);
    // Act
    await host.edit("Progetti", `${columnLetter(outcomeCol)}${String(dghRow)}`, "finanziato");
    await invocation.next(2);
    // Assess
    expect(invocation.results).toEqual([6, 8]);
    invocation.cancel();
    expect(store.listenerCount).toBe(0);
  });

  it("does not answer again when an edit elsewhere leaves its value unchanged", async () => {
    // Prepare
    const invocation = new FakeStreamingInvocation<unknown>();
    fn("PRL")("DGH", null, null, invocation);
    await invocation.next(1);
    const version = store.model?.version ?? 0;
    // Act
    await host.edit("Progetti", "Z40", "nota");
    while ((store.model?.version ?? 0) === version) await new Promise((r) => setTimeout(r, 5));
    // Assess
    expect(invocation.results).toEqual([6]);
    invocation.cancel();
  });

  it("settles with #N/A and the reason when the sheets cannot be read", async () => {
    // Prepare
    setSharedPlanStore(new PlanStore({ readSnapshot: () => Promise.reject(new Error("workbook busy")) }));
    // Act
    const result = await streamed("PRL", ["DGH", null, null]);
    // Assess
    expect(result).toMatchObject({ code: "#N/A" });
    expect((result as FakeCellError).message).toContain("workbook busy");
  });
});

describe("CLUSTER.PRLNEXT", () => {
  it.each([
    [
      "names the next milestone of DGH (7, above threshold)",
      "DGH",
      (r: unknown) => expect(r).toMatch(/^7 Sopra soglia: /),
    ],
    [
      "says there is nothing left for a delivered project",
      "CLUSTER-2020",
      (r: unknown) => expect(r).toBe("—"),
    ],
    ["refuses a line", "5.2", (r: unknown) => expect(r).toMatchObject({ code: "#VALUE!" })],
    ["does not know an unknown project", "NOPE", (r: unknown) => expect(r).toMatchObject({ code: "#N/A" })],
  ])("%s", async (_, ref, check) => {
    // Act
    const result = await streamed("PRLNEXT", [ref]);
    // Assess
    check(result);
  });
});

describe("CLUSTER.PRLLABEL", () => {
  it.each([
    [6, "Presentato"],
    [9, "Concluso"],
    [0, "—"],
  ])("labels level %s as %s", (level, label) => {
    expect(fn("PRLLABEL")(level)).toBe(label);
  });

  it.each([[10], [-1], [Number.NaN], ["six"]])("throws #VALUE! for level %s", (level) => {
    expect(() => fn("PRLLABEL")(level)).toThrow(expect.objectContaining({ code: "#VALUE!" }) as Error);
  });
});

describe("CLUSTER.BUDGET", () => {
  it.each([
    ["the seed project's overhead (SPEC §7: 40 000)", ["CLUSTER-2020", "overhead", null, null, null], 40_000],
    ["the seed project's total (200 000)", ["CLUSTER-2020", "totale", null, null, null], 200_000],
    ["DGH's total by acronym (499 875)", ["DigitalGreenHealth", null, null, null, null], 499_875],
    ["a count filtered by an outcome typed in Italian", ["*", "count", "concluso", null, null], 2],
    ["nothing for a known scope when the filter matches no project", ["5.4", "count", null, null, 2031], 0],
  ])("gives %s", async (_, args, expected) => {
    expect(await streamed("BUDGET", args)).toBe(expected);
  });

  it.each([
    ["an unknown scope", ["NOPE", null, null, null, null], "#N/A"],
    ["an unknown measure", ["*", "banana", null, null, null], "#VALUE!"],
    ["an unknown outcome", ["*", "count", "forse", null, null], "#VALUE!"],
    ["a bad year", ["*", "count", null, null, 12], "#VALUE!"],
    ["a success rate with nothing decided", ["5.4", "successrate", null, null, 2031], "#N/A"],
  ])("returns %s as %s", async (_, args, code) => {
    expect(await streamed("BUDGET", args)).toMatchObject({ code });
  });
});

describe("CLUSTER.OVERHEAD", () => {
  it.each([
    [[160_000], 40_000],
    [[160_000, 0, 0.25], 40_000],
    [[399_900], 99_975],
    [[100_000, 20_000], 20_000],
    [[100_000, null, 0.07], 7_000],
    [[1_000.01], 250],
  ])("OVERHEAD(%j) is %s", (args, expected) => {
    expect(fn("OVERHEAD")(...args)).toBe(expected);
  });

  it.each([[[-1]], [[100, -5]], [[100, 0, 25]], [[null]], [[9e15]]])("throws #VALUE! for %j", (args) => {
    expect(() => fn("OVERHEAD")(...args)).toThrow(expect.objectContaining({ code: "#VALUE!" }) as Error);
  });
});
