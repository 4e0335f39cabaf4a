/**
 * The shared runtime wiring as Excel runs it: the store comes from the global `Excel.run`, the
 * messages follow `Office.context.displayLanguage`, and on the web reads respect the payload
 * limit. The `Office` global is an office-addin-mock object.
 */
import { OfficeMockObject } from "office-addin-mock";
import { OfficeApp } from "office-addin-manifest";
import { afterEach, describe, expect, it } from "vitest";
import type { ExcelRun } from "#addin/excel/api.ts";
import { WEB_MAX_CELLS_PER_SYNC } from "#addin/excel/read-snapshot.ts";
import { associateAll } from "#addin/functions/functions.ts";
import { planStore } from "#addin/functions/runtime.ts";
import { setSharedPlanStore } from "#addin/shared/plan-store.ts";
import { resetSharedExcelAdapter, sharedExcelAdapter } from "#addin/excel/shared-adapter.ts";
import { ExcelAdapter } from "#addin/excel/adapter.ts";
import {
  FakeStreamingInvocation,
  installCustomFunctions,
  type InstalledRuntime,
} from "#addin/memory-host/custom-functions.ts";
import { createFakeExcel, seedFromSnapshot, type FakeExcelHost } from "#addin/memory-host/host.ts";
import { largeWorkbook } from "#samples/large-workbook.ts";
import { bigDataPlan } from "#samples/seed-workbook.ts";

const g = globalThis as unknown as { Excel?: { run: ExcelRun }; Office?: unknown };
let runtime: InstalledRuntime | undefined;

/** Installs Excel (the fake host) and Office (displayLanguage, platform) as Excel would. */
function installOffice(host: FakeExcelHost, displayLanguage: string, platform: string): InstalledRuntime {
  g.Excel = { run: host.run };
  // Office.context is common API, with no load/sync: office-addin-mock's Outlook mode models exactly that.
  g.Office = new OfficeMockObject(
    { context: { displayLanguage, diagnostics: { platform } } },
    OfficeApp.Outlook,
  );
  setSharedPlanStore(undefined);
  resetSharedExcelAdapter();
  const installed = installCustomFunctions();
  associateAll();
  return installed;
}

afterEach(async () => {
  await planStore().stop();
  setSharedPlanStore(undefined);
  resetSharedExcelAdapter();
  delete g.Excel;
  delete g.Office;
  runtime?.uninstall();
});

function call(id: string, ...args: unknown[]): unknown {
  return (runtime?.registry.get(id) as (...a: unknown[]) => unknown)(...args);
}

describe("shared runtime", () => {
  it("re-reads the plan after the user's edit, never after the task pane's own writes (one adapter)", async () => {
    // Prepare
    const host = createFakeExcel({ sheets: bigDataPlan().map(seedFromSnapshot) });
    runtime = installOffice(host, "it-IT", "PC");
    const store = planStore();
    await store.ready();
    const settle = (): Promise<void> => new Promise((r) => setTimeout(r, 450)); // > the 300 ms debounce
    await settle();
    const before = store.model?.version;
    const pane = sharedExcelAdapter(() => new ExcelAdapter({ run: host.run }));
    // Act
    await pane.writeCells("Progetti", [{ a1: "Z1", value: "nota" }]);
    await pane.highlightIssues([]);
    await settle();
    const afterOwn = store.model?.version;
    await host.edit("Progetti", "Z2", "a mano");
    await settle();
    // Assess
    expect(afterOwn).toBe(before);
    expect(store.model?.version).toBe((before ?? 0) + 1);
  });

  it.each([
    ["en-US", "Submitted"],
    ["it-IT", "Presentato"],
  ])("answers in the display language %s (PRLLABEL(6) = %s)", (language, label) => {
    // Prepare
    runtime = installOffice(createFakeExcel({ sheets: bigDataPlan().map(seedFromSnapshot) }), language, "PC");
    // Act
    const result = call("PRLLABEL", 6);
    // Assess
    expect(result).toBe(label);
  });

  it("builds the plan from the workbook through Excel.run on first use", async () => {
    // Prepare
    runtime = installOffice(createFakeExcel({ sheets: bigDataPlan().map(seedFromSnapshot) }), "it-IT", "PC");
    const invocation = new FakeStreamingInvocation<unknown>();
    // Act
    call("PRL", "DGH", null, null, invocation);
    await invocation.next(1);
    // Assess
    expect(invocation.results).toEqual([6]);
    invocation.cancel();
  });

  it.each([
    ["OfficeOnline", "a PRL"],
    ["PC", "#N/A"],
  ])(
    "on platform %s, a 10 000-project plan on a host with the web's payload limit gives %s",
    async (platform, expected) => {
      // Prepare
      const sheets = largeWorkbook({ projects: 10_000 });
      const host = createFakeExcel({
        sheets: sheets.map(seedFromSnapshot),
        payloadLimitCells: WEB_MAX_CELLS_PER_SYNC,
      });
      runtime = installOffice(host, "it-IT", platform);
      const invocation = new FakeStreamingInvocation<unknown>();
      // Act
      call("PRL", "1", null, null, invocation);
      await invocation.next(1);
      // Assess
      const result = invocation.results[0];
      if (expected === "a PRL") expect(typeof result).toBe("number");
      else expect(result).toMatchObject({ code: expected });
      invocation.cancel();
    },
  );
});
