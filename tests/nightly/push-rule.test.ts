import { describe, expect, it } from "vitest";
import { analyzeWorkbook } from "#core/analyze.ts";
import { rowHash } from "#core/sync/hash.ts";
import type { PushRequest } from "#core/sync/protocol.ts";
import { planRows } from "#core/sync/rows.ts";
import type { SyncState } from "#core/sync/state.ts";
import { nightlyMessage } from "#functions/nightly/messages.ts";
import { processWorkbook } from "#functions/nightly/process-workbook.ts";
import type { PushFn } from "#functions/nightly/process-workbook.ts";
import { runNightly } from "#functions/nightly/run-job.ts";
import { pushRows } from "#functions/sync/push.ts";
import { bigDataPlan, snapshotOf } from "#samples/seed-workbook.ts";
import type { FixtureSheet } from "#samples/seed-workbook.ts";
import { useNightlyHarness } from "./support/harness.ts";
import { rowsOf, withCell, withoutRow, workbookBytes } from "./support/workbooks.ts";

const nightly = useNightlyHarness();

/** The real push service, recording every request it gets. */
function recordingPush(): { push: PushFn; requests: PushRequest[] } {
  const h = nightly();
  const requests: PushRequest[] = [];
  return {
    requests,
    push: (plan, request, actor, locale) => {
      requests.push(request);
      return pushRows(h.stack.store, plan, request, actor, locale);
    },
  };
}

/** One night over the plan's registrations; `bytes` served as drive item `item` under `eTag`. */
async function night(plan: string, item: string, bytes: Buffer, eTag: string, push?: PushFn) {
  const h = nightly();
  h.graph.putFile("plans", item, { content: bytes, eTag });
  const reports = await runNightly(push ? h.deps({ push }) : h.deps(), await h.registry.list(plan));
  return reports[0]?.files[0];
}

async function liveProjects(plan: string): Promise<string[]> {
  const rows = await nightly().stack.store.listRows(plan);
  return rows.filter((r) => r.entity === "project" && !r.deleted).map((r) => r.key).sort();
}

describe("the nightly job sends no deletion it cannot be sure of", () => {
  it("keeps a project whose code cell turned into #REF! on a later night, and reports why", async () => {
    // Prepare: night 1 applies the workbook
    const h = nightly();
    const plan = await h.newPlan();
    await h.register(plan, { source: "graph", driveId: "plans", itemId: `ref-${plan}`, name: "ref.xlsx" });
    await night(plan, `ref-${plan}`, await workbookBytes(bigDataPlan(), { planId: plan, rows: {} }), '"r1"');
    const before = await liveProjects(plan);
    const broken = withCell(bigDataPlan(), "Progetti", 2, 1, "#REF!");
    // Act
    const file = await night(plan, `ref-${plan}`, await workbookBytes(broken, { planId: plan, rows: {} }), '"r2"');
    // Assess
    expect(await liveProjects(plan)).toEqual(before);
    expect(file?.errors).toContainEqual({ message: nightlyMessage("held-key", "it", { kind: "project", count: 1 }) });
  });

  it("sends a deletion once: a later save of the file does not send the known tombstone again", async () => {
    // Prepare: night 1 applies the workbook; night 2 deletes its last project
    const h = nightly();
    const plan = await h.newPlan();
    const item = `tomb-${plan}`;
    await h.register(plan, { source: "graph", driveId: "plans", itemId: item, name: "tomb.xlsx" });
    const sheets = bigDataPlan();
    const last = sheets.find((s) => s.name === "Progetti")?.values.length ?? 0;
    const without = withoutRow(sheets, "Progetti", last);
    await night(plan, item, await workbookBytes(sheets, { planId: plan, rows: {} }), '"t1"');
    const deleting = await night(plan, item, await workbookBytes(without, { planId: plan, rows: {} }), '"t2"');
    const recorder = recordingPush();
    // Act: night 3, the file saved again with one more edit
    const edited = withCell(without, "Progetti", 2, 3, "Titolo rivisto");
    const third = await night(plan, item, await workbookBytes(edited, { planId: plan, rows: {} }), '"t3"', recorder.push);
    // Assess
    expect(deleting).toMatchObject({ applied: 1, conflicts: 0 });
    expect(third).toMatchObject({ applied: 1, conflicts: 0, errors: [] });
    expect(recorder.requests.flatMap((r) => r.rows).map((r) => [r.entity, r.key, r.deleted ?? false])).toEqual([["project", "DGH", false]]);
  });
});

describe("the nightly job parses cells as the add-in did", () => {
  const typed = (): FixtureSheet[] => withCell(withCell(bigDataPlan(), "Progetti", 2, 9, "03/04/2022"), "Progetti", 2, 13, "1,500");

  it.each<[string, "it" | "en" | undefined, { submitted: string; totalBudget: number }]>([
    ["the sync sheet's locale en", "en", { submitted: "2022-03-04", totalBudget: 1500 }],
    ["Italian when the sync sheet states none", undefined, { submitted: "2022-04-03", totalBudget: 1.5 }],
  ])("reads DGH with %s, so the cloud's hash is the add-in's", async (_name, locale, expected) => {
    // Prepare
    const h = nightly();
    const plan = await h.newPlan();
    const item = `locale-${plan}`;
    await h.register(plan, { source: "graph", driveId: "plans", itemId: item, name: "locale.xlsx" });
    const state: SyncState = { planId: plan, rows: {}, ...(locale ? { locale } : {}) };
    const addin = planRows(analyzeWorkbook(snapshotOf(typed()), { locale: locale ?? "it" }).plan).rows;
    // Act
    await night(plan, item, await workbookBytes(typed(), state), '"l1"');
    // Assess
    const dgh = (await h.stack.store.listRows(plan)).find((r) => r.entity === "project" && r.key === "DGH");
    expect(dgh?.values).toMatchObject(expected);
    expect(rowHash(dgh?.values ?? {})).toBe(addin.find((r) => r.entity === "project" && r.key === "DGH")?.hash);
  });
});

describe("the nightly job's idempotency keys", () => {
  it("never replay an earlier night's result for the same rows from another save of the file", async () => {
    // Prepare: night 1 pushes the file but its memory is lost (the job stopped before recording it)
    const h = nightly();
    const plan = await h.newPlan();
    const reg = await h.register(plan, { source: "graph", driveId: "plans", itemId: `idem-${plan}`, name: "idem.xlsx" });
    const actor = { id: h.graph.clientId, source: "nightly" as const };
    const push: PushFn = (p, request, a, locale) => pushRows(h.stack.store, p, request, a, locale);
    const bytes = await workbookBytes(bigDataPlan(), { planId: plan, rows: {} });
    const first = await processWorkbook(reg, { content: bytes, eTag: '"i1"' }, push, actor);
    // ... then a colleague edits DGH in the cloud, and the file is saved again unchanged
    const dgh = rowsOf(bigDataPlan()).rows.find((r) => r.entity === "project" && r.key === "DGH");
    await pushRows(h.stack.store, plan, { idempotencyKey: `colleague-${plan}`, source: "addin", rows: [{ entity: "project", key: "DGH", baseVersion: 1, values: { ...dgh?.values, title: "Titolo del collega" } }] }, { id: "colleague", source: "addin" });
    // Act
    const second = await processWorkbook(reg, { content: bytes, eTag: '"i2"' }, push, actor);
    // Assess
    expect(first.file).toMatchObject({ applied: rowsOf(bigDataPlan()).rows.length, conflicts: 0 });
    expect(second.file).toMatchObject({ applied: 0, conflicts: 1 });
    expect(second.file.errors).toEqual([{ message: expect.stringContaining("DGH") }]);
  });
});
