/**
 * A coauthor's changes reach this person's add-in (issue #18): the change watch passes them on,
 * flagged remote, even below ExcelApi 1.14 and on cells this add-in just wrote; their sync-sheet
 * writes are told apart (the coauthor synced); the shared plan store the custom functions read
 * refreshes with them. Two sessions of one workbook on the in-memory host.
 */
import { describe, expect, it } from "vitest";
import { ExcelAdapter, type RemoteChange } from "#addin/excel/adapter.ts";
import { createCoauthoredExcel, seedFromSnapshot, type FakeExcelHost } from "#addin/memory-host/host.ts";
import { HOST_PROFILES, type HostProfile } from "#addin/memory-host/profile.ts";
import { PlanStore } from "#addin/shared/plan-store.ts";
import { messyPlan } from "#samples/seed-workbook.ts";

const settle = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 30));

async function two(profile: HostProfile = HOST_PROFILES.desktop365) {
  const { sessions, link } = createCoauthoredExcel({ sheets: messyPlan().map(seedFromSnapshot), profile });
  const [hostA, hostB] = sessions as [FakeExcelHost, FakeExcelHost];
  const a = new ExcelAdapter({ run: hostA.run, supports: (s, v) => hostA.requirements.isSetSupported(s, v) });
  const b = new ExcelAdapter({ run: hostB.run, supports: (s, v) => hostB.requirements.isSetSupported(s, v) });
  await Promise.all([a.readSnapshot(), b.readSnapshot()]);
  const bursts: boolean[] = [];
  const remote: RemoteChange[] = [];
  await b.onChanged((burst) => bursts.push(burst.remote), 1, (c) => remote.push(c));
  return { hostA, hostB, a, b, link, bursts, remote };
}

describe("a coauthor's changes in this person's add-in", () => {
  it.each([
    ["ExcelApi 1.14 (triggerSource)", HOST_PROFILES.desktop365],
    ["ExcelApi 1.13 (no triggerSource)", { ...HOST_PROFILES.desktop2021, label: "1.13", sets: { ...HOST_PROFILES.desktop2021.sets, ExcelApi: "1.13" } }],
  ])("reach the change watch as remote, on %s", async (_, profile) => {
    // Prepare
    const w = await two(profile);
    const sheet = w.hostA.state.sheets[0]?.name ?? "";
    // Act: B writes C2 itself (its own-write window opens), then A's edit of C2 is merged in.
    await w.b.writeCells(sheet, [{ a1: "C2", value: "di B" }]);
    await w.hostA.edit(sheet, "C2", "di A");
    w.link.deliver();
    await settle();
    // Assess
    expect(w.bursts).toEqual([true]);
    expect(w.remote).toEqual([{ sheet, address: "C2", internal: false }]);
    expect(w.hostB.cell(sheet, "C2")?.value).toBe("di A");
  });

  it("names the sheet of a coauthor's change even before this add-in has read the workbook", async () => {
    // Prepare: a fresh adapter on B's session, no read yet.
    const w = await two();
    const fresh = new ExcelAdapter({ run: w.hostB.run });
    const heard: RemoteChange[] = [];
    await fresh.onChanged(() => undefined, 1, (c) => heard.push(c));
    const sheet = w.hostA.state.sheets[1]?.name ?? "";
    // Act
    await w.hostA.edit(sheet, "B3", "x");
    w.link.deliver();
    await settle();
    // Assess
    expect(heard).toEqual([{ sheet, address: "B3", internal: false }]);
  });

  it("tells a coauthor's sync apart: their sync-sheet write is news, not an edit to re-read", async () => {
    // Prepare
    const w = await two();
    await w.a.writeSyncState({ planId: "p", rows: {} });
    w.link.deliver();
    await w.b.readSnapshot();
    await settle();
    w.remote.length = 0;
    w.bursts.length = 0;
    // Act
    await w.a.writeSyncState({ planId: "p", rows: { "project:DGH": { version: 2, hash: "0123456789abcdef" } } });
    w.link.deliver();
    await settle();
    // Assess
    expect(w.remote.map((c) => [c.sheet, c.internal])).toEqual([["_actionplan_sync", true]]);
    expect(w.bursts).toEqual([]);
    expect((await w.b.readSyncState())?.rows["project:DGH"]?.version).toBe(2);
  });

  it("refresh the plan store the custom functions read", async () => {
    // Prepare
    const w = await two();
    const store = new PlanStore({ readSnapshot: () => w.b.readSnapshot(), onChanged: (cb, ms) => w.b.onChanged(cb, ms) }, { debounceMs: 1 });
    const first = await store.start();
    const sheet = w.hostA.state.sheets[0]?.name ?? "";
    // Act
    await w.hostA.edit(sheet, "C2", "Titolo nuovo di A");
    w.link.deliver();
    await settle();
    await settle();
    // Assess
    expect(store.model?.version).toBeGreaterThan(first.version);
    expect(JSON.stringify(store.model?.snapshot)).toContain("Titolo nuovo di A");
    await store.stop();
  });
});
