import { describe, expect, it } from "vitest";
import { refreshCheckpoint } from "#functions/sync/live-rows.ts";
import { pushRows } from "#functions/sync/push.ts";
import { runNightly } from "#functions/nightly/run-job.ts";
import { GraphWorkbookSource } from "#functions/nightly/graph-source.ts";
import { createGraphTokenProvider } from "#functions/nightly/graph-token.ts";
import { stateKey } from "#core/sync/state.ts";
import type { SyncState } from "#core/sync/state.ts";
import { bigDataPlan, messyPlan, PLANTED_ISSUES } from "#samples/seed-workbook.ts";
import { useNightlyHarness } from "./support/harness.ts";
import { rowsOf, withCell, withoutRow, workbookBytes } from "./support/workbooks.ts";

const nightly = useNightlyHarness();

/** Registers drive item `item` of drive "plans" for the plan and serves `bytes` for it. */
async function serve(plan: string, item: string, bytes: Buffer, eTag: string, name = `${item}.xlsx`) {
  const h = nightly();
  h.graph.putFile("plans", item, { content: bytes, eTag });
  return h.register(plan, { source: "graph", driveId: "plans", itemId: item, name });
}

async function runFor(plan: string) {
  const h = nightly();
  const reports = await runNightly(h.deps(), await h.registry.list(plan));
  expect(reports).toHaveLength(1);
  return reports[0]!;
}

describe("nightly sync through Microsoft Graph", () => {
  it("applies every valid row of a never-synced workbook on its first run, as source nightly", async () => {
    // Prepare
    const h = nightly();
    const plan = await h.newPlan();
    const sheets = bigDataPlan();
    await serve(plan, "first", await workbookBytes(sheets, { planId: plan, rows: {} }), '"v1"');
    const expected = rowsOf(sheets).rows.length;
    // Act
    const report = await runFor(plan);
    // Assess
    expect(report.files).toEqual([
      { file: "first.xlsx", status: "applied", applied: expected, unchanged: 0, conflicts: 0, invalid: 0, errors: [] },
    ]);
    const changes = await h.stack.store.changes(plan, 0, 10_000);
    expect(changes.changes).toHaveLength(expected);
    expect(new Set(changes.changes.map((c) => c.source))).toEqual(new Set(["nightly"]));
    expect(new Set(changes.changes.map((c) => c.updatedBy))).toEqual(new Set([h.graph.clientId]));
    expect((await h.stack.store.listRuns(plan, 10))[0]).toEqual(report);
  });

  it("skips a file whose eTag has not changed, without downloading it", async () => {
    // Prepare
    const h = nightly();
    const plan = await h.newPlan();
    await serve(plan, "same", await workbookBytes(bigDataPlan(), { planId: plan, rows: {} }), '"same-1"');
    await runFor(plan);
    const downloadsBefore = h.graph.downloads.length;
    // Act
    const second = await runFor(plan);
    // Assess
    expect(second.files).toEqual([{ file: "same.xlsx", status: "skipped-unchanged", applied: 0, unchanged: 0, conflicts: 0, invalid: 0, errors: [] }]);
    expect(h.graph.contentRequests.at(-1)).toMatchObject({ ifNoneMatch: '"same-1"', status: 304 });
    expect(h.graph.downloads.length).toBe(downloadsBefore);
  });

  it("applies only the changed row when the saved file changes", async () => {
    // Prepare: first night, then DGH's title edited in Progetti!C2 and the file saved again
    const h = nightly();
    const plan = await h.newPlan();
    const sheets = bigDataPlan();
    await serve(plan, "edited", await workbookBytes(sheets, { planId: plan, rows: {} }), '"e1"');
    await runFor(plan);
    const edited = withCell(sheets, "Progetti", 2, 3, "Digital Green Health — titolo rivisto");
    await serve(plan, "edited", await workbookBytes(edited, { planId: plan, rows: {} }), '"e2"');
    const total = rowsOf(edited).rows.length;
    // Act
    const report = await runFor(plan);
    // Assess
    expect(report.files[0]).toMatchObject({ status: "applied", applied: 1, unchanged: total - 1, conflicts: 0 });
    const dgh = await h.stack.store.history(plan, "project", "DGH");
    expect(dgh.map((v) => [v.version, v.source])).toEqual([[1, "nightly"], [2, "nightly"]]);
    expect(dgh[1]?.values).toMatchObject({ title: "Digital Green Health — titolo rivisto" });
  });

  it("waits out a 429 with Retry-After and then syncs the file", async () => {
    // Prepare
    const h = nightly();
    const plan = await h.newPlan();
    await serve(plan, "throttled", await workbookBytes(bigDataPlan(), { planId: plan, rows: {} }), '"t1"');
    h.graph.fail("plans", "throttled", { status: 429, retryAfter: "1" });
    const started = Date.now();
    // Act
    const report = await runFor(plan);
    // Assess
    expect(Date.now() - started).toBeGreaterThanOrEqual(1000);
    expect(report.files[0]?.status).toBe("applied");
    const forThisFile = h.graph.contentRequests.filter((r) => r.path.includes("/throttled/"));
    expect(forThisFile.map((r) => r.status)).toEqual([429, 302]);
  });

  it("reports a corrupt file and still syncs the other files of the plan", async () => {
    // Prepare
    const h = nightly();
    const plan = await h.newPlan();
    await serve(plan, "corrupt", Buffer.from("PK\u0003\u0004 this is not really a zip"), '"c1"', "rotto.xlsx");
    await serve(plan, "good", await workbookBytes(bigDataPlan(), { planId: plan, rows: {} }), '"g1"', "buono.xlsx");
    // Act
    const report = await runFor(plan);
    // Assess
    const byName = Object.fromEntries(report.files.map((f) => [f.file, f]));
    expect(byName["rotto.xlsx"]).toMatchObject({ status: "error", applied: 0, errors: [{ message: expect.stringContaining(".xlsx") }] });
    expect(byName["buono.xlsx"]).toMatchObject({ status: "applied", applied: rowsOf(bigDataPlan()).rows.length });
  });

  it("syncs the valid rows of a workbook with cell errors and reports each error with sheet and cell", async () => {
    // Prepare
    const h = nightly();
    const plan = await h.newPlan();
    const sheets = messyPlan();
    await serve(plan, "messy", await workbookBytes(sheets, { planId: plan, rows: {} }), '"m1"');
    const { rows, held } = rowsOf(sheets);
    // Act
    const report = await runFor(plan);
    // Assess
    const file = report.files[0]!;
    expect(file).toMatchObject({ status: "needs-attention", applied: rows.length, invalid: held.length });
    expect(held.length).toBeGreaterThan(0);
    const reported = new Set(file.errors.map((e) => `${e.sheet}!${e.cell}`));
    for (const planted of PLANTED_ISSUES.filter((p) => p.severity === "error")) expect(reported).toContain(`${planted.sheet}!${planted.cell}`);
    const stored = await h.stack.store.listRows(plan);
    const storedIds = new Set(stored.map((r) => stateKey(r.entity, r.key)));
    // A key can be both held and valid (a duplicated code: the first row syncs, the copy is held).
    const validIds = new Set(rows.map((r) => stateKey(r.entity, r.key)));
    const onlyHeld = held.filter((r) => !validIds.has(stateKey(r.entity, r.key)));
    expect(onlyHeld.length).toBeGreaterThan(0);
    for (const heldRow of onlyHeld) expect(storedIds.has(stateKey(heldRow.entity, heldRow.key)), stateKey(heldRow.entity, heldRow.key)).toBe(false);
  });

  it("reports a row changed in the cloud since the file's base version as a conflict and keeps the cloud's values", async () => {
    // Prepare: the add-in synced the workbook (versions 1 in its sync sheet), then someone changed DGH in the cloud
    const h = nightly();
    const plan = await h.newPlan();
    const sheets = bigDataPlan();
    const { rows } = rowsOf(sheets);
    const addin = { id: "editor-oid", source: "addin" as const };
    await pushRows(h.stack.store, plan, { idempotencyKey: `seed-${plan}`, source: "addin", rows: rows.map((r) => ({ entity: r.entity, key: r.key, baseVersion: 0, values: r.values })) }, addin);
    const state: SyncState = { planId: plan, rows: Object.fromEntries(rows.map((r) => [stateKey(r.entity, r.key), { version: 1, hash: r.hash }])) };
    const dgh = rows.find((r) => r.entity === "project" && r.key === "DGH")!;
    const cloudValues = { ...dgh.values, title: "Titolo cambiato nel cloud" };
    await pushRows(h.stack.store, plan, { idempotencyKey: `cloud-${plan}`, source: "addin", rows: [{ entity: "project", key: "DGH", baseVersion: 1, values: cloudValues }] }, addin);
    const edited = withCell(sheets, "Progetti", 2, 3, "Titolo cambiato nel file");
    await serve(plan, "conflict", await workbookBytes(edited, state), '"k1"');
    // Act
    const report = await runFor(plan);
    // Assess
    expect(report.files[0]).toMatchObject({ status: "needs-attention", applied: 0, conflicts: 1, unchanged: rows.length - 1 });
    expect(report.files[0]?.errors).toEqual([{ message: expect.stringContaining("DGH") }]);
    const current = (await h.stack.store.getRows(plan, [{ entity: "project", key: "DGH" }])).get("project#DGH");
    expect(current).toMatchObject({ version: 2, values: { title: "Titolo cambiato nel cloud" } });
  });

  it("deletes a row removed from its sheet, but never the rows of a sheet the file no longer has", async () => {
    // Prepare: a synced workbook saved again with its last project row deleted and without its Budget sheet
    const h = nightly();
    const plan = await h.newPlan();
    const sheets = bigDataPlan();
    const { rows } = rowsOf(sheets);
    await pushRows(h.stack.store, plan, { idempotencyKey: `seed-${plan}`, source: "addin", rows: rows.map((r) => ({ entity: r.entity, key: r.key, baseVersion: 0, values: r.values })) }, { id: "editor-oid", source: "addin" });
    const state: SyncState = { planId: plan, rows: Object.fromEntries(rows.map((r) => [stateKey(r.entity, r.key), { version: 1, hash: r.hash }])) };
    const projects = sheets.find((s) => s.name === "Progetti")!;
    const saved = withoutRow(sheets, "Progetti", projects.values.length).filter((s) => s.name !== "Budget");
    const removed = rows.filter((r) => r.entity === "project").find((p) => !rowsOf(saved).rows.some((q) => q.entity === "project" && q.key === p.key))!;
    const budgetRows = rows.filter((r) => r.entity === "budget").length;
    await serve(plan, `partial-${plan}`, await workbookBytes(saved, state), '"p1"');
    // Act
    const report = await runFor(plan);
    // Assess
    expect(report.files[0]).toMatchObject({ status: "applied", applied: 1 });
    expect(report.files[0]?.errors).toContainEqual({ message: expect.stringContaining(`${budgetRows}`) });
    const live = (await h.stack.store.listRows(plan)).filter((r) => !r.deleted);
    expect(live.filter((r) => r.entity === "budget")).toHaveLength(budgetRows);
    expect(live.some((r) => r.entity === "project" && r.key === removed.key)).toBe(false);
  });

  it.each([
    [403, "Sites.Selected"],
    [404, "non trovato"],
  ] as const)("reports HTTP %i from Graph with a message mentioning %s and syncs nothing", async (status, hint) => {
    // Prepare
    const h = nightly();
    const plan = await h.newPlan();
    await serve(plan, `denied-${status}`, await workbookBytes(bigDataPlan(), { planId: plan, rows: {} }), '"d1"');
    h.graph.fail("plans", `denied-${status}`, { status });
    // Act
    const report = await runFor(plan);
    // Assess
    expect(report.files[0]).toMatchObject({ status: "error", applied: 0 });
    expect(report.files[0]?.errors[0]?.message).toContain(hint);
    expect((await h.stack.store.listRows(plan)).length).toBe(0);
  });

  it("emits the run's counts as metrics", async () => {
    // Prepare
    const h = nightly();
    const plan = await h.newPlan();
    await serve(plan, `metrics-${plan}`, await workbookBytes(bigDataPlan(), { planId: plan, rows: {} }), '"x1"');
    const counts: Record<string, number> = {};
    // Act
    await runNightly(h.deps({ metrics: { count: (name, value) => void (counts[name] = value) } }), await h.registry.list(plan));
    // Assess
    expect(counts).toEqual({
      NightlyFiles: 1,
      NightlySkipped: 0,
      NightlyFailed: 0,
      NightlyApplied: rowsOf(bigDataPlan()).rows.length,
      NightlyUnchanged: 0,
      NightlyConflicts: 0,
      NightlyInvalid: 0,
      NightlyNeedsPerson: 0,
    });
  });

  it("ends each plan's night by building its checkpoint when due, so reads of past dates start from it", async () => {
    // Prepare: a first night (no checkpoint yet), with a threshold the seed plan's rows pass.
    const h = nightly();
    const plan = await h.newPlan();
    await serve(plan, `ckpt-${plan}`, await workbookBytes(bigDataPlan(), { planId: plan, rows: {} }), '"c1"');
    const store = h.stack.store;
    const built: string[] = [];
    const checkpoint = async (p: string): Promise<void> => {
      if (await refreshCheckpoint(store, p, () => 5)) built.push(p);
    };
    expect(await store.checkpoint(plan, Number.POSITIVE_INFINITY)).toBeUndefined();
    // Act
    await runNightly(h.deps({ checkpoint }), await h.registry.list(plan));
    // Assess: the checkpoint holds every row the night pushed, at the log's head.
    expect(built).toEqual([plan]);
    const made = await store.checkpoint(plan, Number.POSITIVE_INFINITY);
    const expected = rowsOf(bigDataPlan()).rows.length;
    expect(made?.rows).toHaveLength(expected);
    expect(made?.seq).toBe(await store.logHead(plan));
  });

  it("reports the night as usual when the checkpoint cannot be built", async () => {
    // Prepare
    const h = nightly();
    const plan = await h.newPlan();
    await serve(plan, `ckpt-fail-${plan}`, await workbookBytes(bigDataPlan(), { planId: plan, rows: {} }), '"f1"');
    const warnings: string[] = [];
    const logger = { info: () => undefined, error: () => undefined, warn: (m: string) => void warnings.push(m) };
    // Act
    const reports = await runNightly(
      h.deps({ logger, checkpoint: () => Promise.reject(new Error("table unavailable")) }),
      await h.registry.list(plan),
    );
    // Assess
    expect(reports[0]?.files[0]).toMatchObject({ status: "applied", applied: rowsOf(bigDataPlan()).rows.length });
    expect((await h.stack.store.listRuns(plan, 10))[0]).toEqual(reports[0]);
    expect(warnings).toEqual(["checkpoint failed"]);
  });

  it("never sends the Graph bearer token to the download host", () => {
    const h = nightly();
    expect(h.graph.downloads.length).toBeGreaterThan(0);
    expect(h.graph.downloads.filter((d) => d.authorization !== undefined)).toEqual([]);
  });

  it("gets one app-only token and reuses it across files and nights", () => {
    expect(nightly().graph.tokenRequests).toBe(1);
  });
});

describe("Graph faults", () => {
  it.each([
    ["two 503s with Retry-After: 0", [{ status: 503, retryAfter: "0" }, { status: 503, retryAfter: "0" }], "applied", 3],
    ["four 429s (every attempt)", Array.from({ length: 4 }, () => ({ status: 429, retryAfter: "0" })), "error", 4],
    ["a Retry-After beyond tonight's limit", [{ status: 429, retryAfter: "3600" }], "error", 1],
    ["a 500, then success", [{ status: 500 }], "applied", 2],
  ] as const)("after %s (%j) the file is %s (%i requests)", async (_name, faults, status, requests) => {
    // Prepare
    const h = nightly();
    const plan = await h.newPlan();
    const item = `faults-${plan}`;
    await serve(plan, item, await workbookBytes(bigDataPlan(), { planId: plan, rows: {} }), '"f1"');
    h.graph.fail("plans", item, ...faults);
    // Act
    const report = await runFor(plan);
    // Assess
    expect(report.files[0]?.status).toBe(status);
    expect(h.graph.contentRequests.filter((r) => r.path.includes(`/${item}/`))).toHaveLength(requests);
  });

  it.each([
    [
      "it",
      { status: 403 },
      "Accesso negato al file: verificare il permesso Sites.Selected dell'app notturna (plans/{item}: accesso negato (HTTP 403; Sites.Selected è concesso sul sito?))",
    ],
    [
      "en",
      { status: 403 },
      "Access to the file denied: check the nightly app's Sites.Selected grant (plans/{item}: access denied (HTTP 403; is Sites.Selected granted on the site?))",
    ],
    [
      "it",
      { status: 429, retryAfter: "3600" },
      "File non raggiungibile stanotte, si riproverà la prossima notte (plans/{item}: HTTP 429, Retry-After di 3600 s oltre il limite di stanotte)",
    ],
    [
      "en",
      { status: 429, retryAfter: "3600" },
      "File unreachable tonight, it will be retried next night (plans/{item}: HTTP 429, Retry-After 3600 s is beyond tonight's limit)",
    ],
  ] as const)("reports a Graph refusal in the file's language (%s, HTTP %j), details included", async (locale, fault, expected) => {
    // Prepare
    const h = nightly();
    const plan = await h.newPlan();
    const item = `lang-${locale}-${fault.status}-${plan}`;
    h.graph.putFile("plans", item, { content: await workbookBytes(bigDataPlan(), { planId: plan, rows: {} }), eTag: '"l1"' });
    await h.register(plan, { source: "graph", driveId: "plans", itemId: item, name: `${item}.xlsx`, locale });
    h.graph.fail("plans", item, fault);
    // Act
    const report = await runFor(plan);
    // Assess
    expect(report.files[0]).toMatchObject({ status: "error", errors: [{ message: expected.replace("{item}", item) }] });
  });

  it("reports a refused app credential on every file and syncs nothing", async () => {
    // Prepare: the same job with a wrong client secret
    const h = nightly();
    const plan = await h.newPlan();
    await serve(plan, `badcred-${plan}`, await workbookBytes(bigDataPlan(), { planId: plan, rows: {} }), '"b1"');
    const token = createGraphTokenProvider({
      tenantId: h.graph.tenantId,
      clientId: h.graph.clientId,
      clientSecret: "wrong",
      authority: h.graph.authority,
      agent: h.tls.agent,
    });
    const deps = h.deps({ sources: { graph: new GraphWorkbookSource({ token, baseUrl: h.graph.graphBaseUrl, agent: h.tls.agent, maxAttempts: 1 }) } });
    // Act
    const [report] = await runNightly(deps, await h.registry.list(plan));
    // Assess
    expect(report?.files[0]).toMatchObject({ status: "error", applied: 0, errors: [{ message: expect.stringContaining("token") }] });
    expect(await h.stack.store.listRows(plan)).toEqual([]);
  });
});
