/**
 * The shared runtime's plan store: first read, refresh after edits (debounced, coalesced),
 * failures that settle, subscribers.
 */
import { describe, expect, it } from "vitest";
import { ExcelAdapter } from "#addin/excel/adapter.ts";
import { PlanStore, setSharedPlanStore, sharedPlanStore } from "#addin/shared/plan-store.ts";
import type { BudgetSummary } from "#core/budget/summary.ts";
import { computeRollups } from "#core/report/index.ts";
import type { WorkbookSnapshot } from "#core/snapshot/types.ts";
import { createFakeExcel, seedFromSnapshot } from "#addin/memory-host/host.ts";
import { bigDataPlan } from "#samples/seed-workbook.ts";

const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A source whose reads resolve when the test says so. */
function manualSource() {
  const pending: ((s: WorkbookSnapshot) => void)[] = [];
  let reads = 0;
  return {
    source: {
      readSnapshot: () => {
        reads += 1;
        return new Promise<WorkbookSnapshot>((resolve) => pending.push(resolve));
      },
    },
    reads: () => reads,
    answer: (name: string) => pending.shift()?.({ origin: "test", name, sheets: [] }),
  };
}

describe("PlanStore", () => {
  it("coalesces refreshes requested during a read into one more read, ending on the latest workbook", async () => {
    // Prepare
    const m = manualSource();
    const store = new PlanStore(m.source);
    // Act
    const first = store.refresh();
    void store.refresh();
    void store.refresh();
    m.answer("v1");
    await wait(0);
    m.answer("v2");
    const model = await first;
    // Assess
    expect(m.reads()).toBe(2);
    expect(model.snapshot.name).toBe("v2");
    expect(store.model?.version).toBe(2);
  });

  it("rejects ready() when the first read fails, and recovers on the next refresh", async () => {
    // Prepare
    let fail = true;
    const store = new PlanStore({
      readSnapshot: async () => (fail ? Promise.reject(new Error("busy")) : { origin: "test", sheets: [] }),
    });
    // Act
    const first = store.ready();
    // Assess
    await expect(first).rejects.toThrow("busy");
    expect(store.error).toBeInstanceOf(Error);
    fail = false;
    await store.refresh();
    await expect(store.ready()).resolves.toMatchObject({ version: 1 });
    expect(store.error).toBeUndefined();
  });

  it("tells subscribers about every new model until they unsubscribe", async () => {
    // Prepare
    const store = new PlanStore({ readSnapshot: async () => ({ origin: "test", sheets: [] }) });
    const seen: number[] = [];
    const unsubscribe = store.subscribe((m) => seen.push(m.version));
    // Act
    await store.refresh();
    await store.refresh();
    unsubscribe();
    await store.refresh();
    // Assess
    expect(seen).toEqual([1, 2]);
  });

  it("re-reads the workbook once after a burst of edits", async () => {
    // Prepare
    const host = createFakeExcel({ sheets: bigDataPlan().map(seedFromSnapshot) });
    const store = new PlanStore(new ExcelAdapter({ run: host.run }), { debounceMs: 20 });
    await store.start();
    const versions: number[] = [];
    store.subscribe((m) => versions.push(m.version));
    // Act
    for (const row of [2, 3, 4, 5]) await host.edit("Progetti", `Z${String(row)}`, "nota");
    await wait(80);
    await store.stop();
    // Assess
    expect(versions).toEqual([2]);
    expect(store.model?.snapshot.sheets.find((s) => s.name === "Progetti")?.values[4]?.[25]).toBe("nota");
  });

  it("recovers at the next edit when the first read fails (Excel busy)", async () => {
    // Prepare
    const host = createFakeExcel({ sheets: bigDataPlan().map(seedFromSnapshot) });
    const adapter = new ExcelAdapter({ run: host.run });
    let busy = true;
    const store = new PlanStore(
      {
        readSnapshot: () => (busy ? Promise.reject(new Error("busy")) : adapter.readSnapshot()),
        onChanged: (cb, ms) => adapter.onChanged(cb, ms),
      },
      { debounceMs: 10 },
    );
    await expect(store.start()).rejects.toThrow("busy");
    busy = false;
    // Act
    await host.edit("Progetti", "Z2", "nota");
    await wait(60);
    await store.stop();
    // Assess
    expect(store.model?.version).toBe(1);
    expect(store.error).toBeUndefined();
  });

  it("is one instance per runtime, shared by every bundle through globalThis", () => {
    // Prepare
    setSharedPlanStore(undefined);
    const make = () => new PlanStore({ readSnapshot: async () => ({ origin: "test", sheets: [] }) });
    // Act
    const a = sharedPlanStore(make);
    const b = sharedPlanStore(make);
    // Assess
    expect(a).toBe(b);
    setSharedPlanStore(undefined);
  });

  it.each([
    ["the analysis's own summaries", (b: BudgetSummary) => b],
    [
      "summaries changed after the analysis (proof they are the ones used)",
      (b: BudgetSummary) => ({ ...b, direct: b.direct + 100, totalComputed: b.totalComputed + 100 }),
    ],
  ])("builds roll-ups from %s, not from a second summary of the budget rows", async (_, change) => {
    // Prepare
    const host = createFakeExcel({ sheets: bigDataPlan().map(seedFromSnapshot) });
    const model = await new PlanStore(new ExcelAdapter({ run: host.run })).refresh();
    const budgets = model.analysis.budgets ?? new Map<string, BudgetSummary>();
    for (const [key, summary] of budgets) budgets.set(key, change(summary));
    const expected = computeRollups(model.analysis.plan, budgets);
    // Act
    const rollups = model.rollups();
    // Assess
    expect(budgets.size).toBeGreaterThan(0);
    expect(rollups).toEqual(expected);
    expect(rollups.total.direct).toBe([...budgets.values()].reduce((n, b) => n + b.direct, 0));
  });
});
