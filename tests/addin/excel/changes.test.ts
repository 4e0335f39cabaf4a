/**
 * Excel reports the add-in's own writes as worksheet changes; the adapter's change watch must pass
 * on the user's edits only, so highlighting cannot start a validate → highlight → validate loop.
 * On the fake host, whose API writes post change events after their sync as Excel does.
 */
import { describe, expect, it } from "vitest";
import { ExcelAdapter } from "#addin/excel/adapter.ts";
import { OWN_WRITE_WINDOW_MS } from "#addin/excel/changes.ts";
import { analyzeWorkbook } from "#core/analyze.ts";
import { createFakeExcel, seedFromSnapshot, type FakeExcelHost } from "#addin/memory-host/host.ts";
import { messyPlan } from "#samples/seed-workbook.ts";

/** Lets the fake's posted events and the debounce (1 ms) run. */
const settle = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 30));

interface Watched {
  host: FakeExcelHost;
  adapter: ExcelAdapter;
  clock: { now: number };
  calls: () => number;
  /** Every event the host posted (to prove the dropped ones were really reported). */
  posted: () => number;
}

async function watched(): Promise<Watched> {
  const host = createFakeExcel({ sheets: messyPlan().map(seedFromSnapshot) });
  const clock = { now: 1_000_000 };
  const adapter = new ExcelAdapter({ run: host.run, now: () => clock.now });
  await adapter.readSnapshot();
  let calls = 0;
  let posted = 0;
  host.state.changedHandlers.add(() => {
    posted += 1;
  });
  await adapter.onChanged(() => {
    calls += 1;
  }, 1);
  return { host, adapter, clock, calls: () => calls, posted: () => posted };
}

const firstSheet = (w: Watched): string => w.host.state.sheets[0]?.name ?? "";

describe("ExcelAdapter.onChanged", () => {
  it.each([
    [
      "highlighting (marker sheets written, rules added)",
      async (w: Watched) => {
        const { issues } = analyzeWorkbook(await w.adapter.readSnapshot());
        await w.adapter.highlightIssues(issues);
      },
    ],
    [
      "highlighting again over earlier highlighting",
      async (w: Watched) => {
        const { issues } = analyzeWorkbook(await w.adapter.readSnapshot());
        await w.adapter.highlightIssues(issues);
        await settle();
        await w.adapter.highlightIssues(issues.slice(1));
      },
    ],
    [
      "highlighting, then clearing it",
      async (w: Watched) => {
        const { issues } = analyzeWorkbook(await w.adapter.readSnapshot());
        await w.adapter.highlightIssues(issues);
        await w.adapter.clearHighlights();
      },
    ],
    [
      "writing the very hidden sync sheet",
      async (w: Watched) => w.adapter.writeSyncState({ planId: "p", rows: {} }),
    ],
    [
      "pulled values written into a data sheet",
      async (w: Watched) => {
        await w.adapter.writeCells(firstSheet(w), [{ a1: "C3", value: "pulled" }]);
      },
    ],
    [
      "pulled values and the sync state in one batch",
      async (w: Watched) => {
        await w.adapter.writeCellsAndSyncState([{ sheet: firstSheet(w), a1: "D4", value: 7 }], {
          planId: "p",
          rows: {},
        });
      },
    ],
  ])("ignores the change events of %s", async (_, write) => {
    // Prepare
    const w = await watched();
    // Act
    await write(w);
    await settle();
    // Assess
    expect(w.posted()).toBeGreaterThan(0);
    expect(w.calls()).toBe(0);
  });

  it.each([
    ["with no write of ours around", () => undefined, "B2"],
    ["on another cell while our write's events are still expected", () => undefined, "H9"],
    [
      "on the very cell we wrote, once the window has passed",
      (w: Watched) => {
        w.clock.now += OWN_WRITE_WINDOW_MS + 1;
      },
      "C3",
    ],
  ])("passes on the user's edit %s", async (_, later, cell) => {
    // Prepare
    const w = await watched();
    await w.adapter.writeCells(firstSheet(w), [{ a1: "C3", value: "pulled" }]);
    await settle();
    later(w);
    // Act
    await w.host.edit(firstSheet(w), cell, "typed");
    await settle();
    // Assess
    expect(w.calls()).toBe(1);
  });

  it("re-validates once per user edit, never again because of its own highlighting", async () => {
    // Prepare: auto re-validation as the task pane wires it (read → analyse → highlight).
    const host = createFakeExcel({ sheets: messyPlan().map(seedFromSnapshot) });
    const adapter = new ExcelAdapter({ run: host.run });
    let validations = 0;
    const validate = async (): Promise<void> => {
      validations += 1;
      const { issues } = analyzeWorkbook(await adapter.readSnapshot());
      await adapter.highlightIssues(issues);
    };
    await validate();
    const watch = await adapter.onChanged(() => void validate(), 1);
    const sheet = host.state.sheets[0]?.name ?? "";
    // Act
    await host.edit(sheet, "B3", "");
    for (let i = 0; i < 5; i++) await settle();
    await watch.dispose();
    // Assess
    expect(validations).toBe(2);
  });
});
