/**
 * Two staff members and the nightly job on one plan, end to end: two preview pages in Chromium
 * (each its own in-memory copy of the workbook, its own user and token), the real local API over
 * DynamoDB Local, the nightly job over a temporary workbooks/ folder, and the real CLI binary.
 * The steps build on each other, in order, like a working day.
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { analyzeWorkbook } from "#core/analyze.ts";
import { planRows } from "#core/sync/rows.ts";
import { columnLetter } from "#core/values/index.ts";
import { config } from "#functions/config.ts";
import { startLocalStack, type LocalStack } from "#functions/local/stack.ts";
import { runLocalNightly } from "#functions/nightly/local-run.ts";
import { DynamoWorkbookRegistry } from "#functions/nightly/registry-dynamo.ts";
import { createDocumentClient } from "#functions/store/client.ts";
import { bigDataPlan, snapshotOf } from "#samples/seed-workbook.ts";
import { buildPages, cellValue, editCell, launchChromium, openPreview, screenshot, serveStatic, type StaticServer } from "#tests/browser/harness.ts";
import { act, cliReport, openTab, overviewFigures, pullAndApply, saveWorkbook, shownCell, validate, workbookSheets } from "./support/staff.ts";

const PLAN = "piano-due-persone";
const PROJECTS = bigDataPlan()[2]!;
const header = PROJECTS.values[0]!;
const col = (name: string): string => columnLetter(header.indexOf(name) + 1);
/** Row of a project on the Progetti sheet (1-based). */
const rowOf = (code: string): number => PROJECTS.values.findIndex((r) => r[0] === code) + 1;
const REQUESTED_DGH = `${col("Contributo richiesto")}${rowOf("DGH")}`;
const MONTHS_BIOMATDB = `${col("Durata (mesi)")}${rowOf("BIOMATDB")}`;
const DELETED = "DIGIWELL";
/** One date for the pages, the core and the CLI, so no rule reads a different day. */
const TODAY = "2026-11-22";

let browser: Browser;
let site: StaticServer;
let stack: LocalStack;
let folder: string;
let anna: Page;
let bruno: Page;

/** The Progetti row of a project code in a page's workbook, or undefined when absent. */
async function projectRow(page: Page, code: string): Promise<unknown[] | undefined> {
  const sheets = await workbookSheets(page);
  return sheets.find((s) => s.name === "Progetti")?.values.find((r) => r[0] === code);
}

beforeAll(async () => {
  process.env["POWERTOOLS_LOG_LEVEL"] ??= "SILENT";
  const [dir, b, tmp] = await Promise.all([buildPages(), launchChromium(), mkdtemp(join(tmpdir(), "actionplan-e2e-"))]);
  browser = b;
  folder = tmp;
  site = await serveStatic(dir);
  stack = await startLocalStack({ corsOrigins: [site.url] });
  await stack.store.createPlan(PLAN, "Piano E2E due persone", "anna");
  await stack.store.putMember(PLAN, "bruno", "editor");
  const open = async (user: string, name: string): Promise<Page> =>
    openPreview(browser, site.url, { seed: "big-data", lang: "it", api: stack.apiUrl, plan: PLAN, user, token: await stack.issuer.mintToken({ oid: user, name }), tab: "validate", today: TODAY });
  [anna, bruno] = await Promise.all([open("anna", "Anna"), open("bruno", "Bruno")]);
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await stack?.stop();
  await site?.stop();
  if (folder) await rm(folder, { recursive: true, force: true });
});

describe("two staff members and the nightly job on one plan", () => {
  it("both validate the workbook and see the counts the core finds", async () => {
    // Prepare
    const issues = analyzeWorkbook(snapshotOf(bigDataPlan()), { today: TODAY }).issues;
    const expected = { errors: issues.filter((i) => i.severity === "error").length, warnings: issues.filter((i) => i.severity === "warning").length };
    // Act
    const seen = await Promise.all([validate(anna), validate(bruno)]);
    // Assess
    expect(seen).toEqual([expected, expected]);
  });

  it("Anna pushes every valid row; Bruno pulls and has nothing to change", async () => {
    // Prepare
    const rows = planRows(analyzeWorkbook(snapshotOf(bigDataPlan())).plan).rows.length;
    await Promise.all([openTab(anna, "Sincronizza"), openTab(bruno, "Sincronizza")]);
    // Act
    const pushed = await act(anna, "push");
    const incoming = await pullAndApply(bruno);
    // Assess
    expect(pushed.intent).toBe("success");
    expect((await stack.store.listRows(PLAN)).length).toBe(rows);
    expect(incoming).toBe(0);
  });

  it("both edit the same cell; the later push gets a conflict, and keeping mine wins for both", async () => {
    // Prepare
    await editCell(anna, "Progetti", REQUESTED_DGH, 400000);
    await editCell(bruno, "Progetti", REQUESTED_DGH, 450000);
    expect((await act(anna, "push")).intent).toBe("success");
    // Act
    const clash = await act(bruno, "push");
    const conflict = bruno.locator('[data-testid="conflict"][data-key="DGH"]');
    const sides = [await conflict.locator('tr[data-field="requested"] td[data-side="mine"]').textContent(), await conflict.locator('tr[data-field="requested"] td[data-side="cloud"]').textContent()];
    await screenshot(bruno, "e2e-conflict");
    const resolved = await act(bruno, "keep-mine");
    await pullAndApply(anna);
    // Assess
    expect(clash.intent).toBe("warning");
    expect(sides.map((s) => (s ?? "").replace(/\D/g, ""))).toEqual(["450000", "400000"]);
    expect(resolved.intent).toBe("success");
    expect((await stack.store.getRows(PLAN, [{ entity: "project", key: "DGH" }])).get("project#DGH")?.values["requested"]).toBe(450000);
    expect(await cellValue(anna, "Progetti", REQUESTED_DGH)).toBe(450000);
  });

  it("a workbook saved into the folder is synced by the nightly run, and the run shows in the task pane", async () => {
    // Prepare: Bruno changes a duration and saves instead of pushing.
    await editCell(bruno, "Progetti", MONTHS_BIOMATDB, 32);
    await saveWorkbook(bruno, join(folder, "piano-bruno.xlsx"));
    const cfg = config();
    // Act
    const result = await runLocalNightly({ dir: folder, store: stack.store, registry: new DynamoWorkbookRegistry(createDocumentClient(cfg), cfg.tableName) });
    await anna.getByTestId("run-report").getByRole("button").click();
    const incoming = await pullAndApply(anna);
    // Assess
    expect(result.unassigned).toEqual([]);
    const file = result.reports.find((r) => r.plan === PLAN)?.files[0];
    expect(file).toMatchObject({ file: "piano-bruno.xlsx", applied: 1, conflicts: 0, invalid: 0 });
    await expect.poll(() => anna.getByTestId("run-report").textContent()).toMatch(new RegExp(`applicate 1, invariate ${file?.unchanged ?? -1}, conflitti 0, non valide 0`));
    expect(incoming).toBe(1);
    expect(await cellValue(anna, "Progetti", MONTHS_BIOMATDB)).toBe(32);
    await screenshot(anna, "e2e-nightly-report");
  });

  it("a deleted row becomes a tombstone, and restoring its last version brings it back for both", async () => {
    // Prepare: Anna clears the whole DIGIWELL row and pushes.
    const row = rowOf(DELETED);
    const original = await projectRow(anna, DELETED);
    expect(original?.[0]).toBe(DELETED);
    for (let c = 1; c <= header.length; c++) await editCell(anna, "Progetti", `${columnLetter(c)}${row}`, null);
    expect((await act(anna, "push")).intent).toBe("success");
    expect((await stack.store.getRows(PLAN, [{ entity: "project", key: DELETED }])).get(`project#${DELETED}`)?.deleted).toBe(true);
    await pullAndApply(bruno);
    expect(await projectRow(bruno, DELETED)).toBeUndefined();
    // Act: restore the version before the tombstone from the history.
    await anna.getByTestId("history-key").fill(DELETED);
    await act(anna, "history-show");
    const versions = await anna.locator('[data-testid="history"] tbody tr[data-version]').evaluateAll((els) => els.map((e) => Number(e.getAttribute("data-version"))));
    const live = Math.max(...versions) - 1;
    await anna.locator(`[data-testid="history"] tr[data-version="${live}"]`).getByTestId("restore").click();
    // Restore asks for confirmation before it writes a new version.
    await anna.getByTestId("restore-confirmation").waitFor();
    await anna.getByTestId("restore-confirm").click();
    await expect.poll(() => anna.getByTestId("sync-message").getAttribute("data-intent")).toBe("success");
    await pullAndApply(anna);
    await pullAndApply(bruno);
    // Assess
    expect((await stack.store.getRows(PLAN, [{ entity: "project", key: DELETED }])).get(`project#${DELETED}`)?.deleted).toBe(false);
    for (const page of [anna, bruno]) expect((await projectRow(page, DELETED))?.slice(0, 3)).toEqual(original?.slice(0, 3));
  });

  it("every PRL and roll-up each page shows equals the CLI's report of the same workbook", async () => {
    for (const [name, page] of [["anna", anna], ["bruno", bruno]] as const) {
      // Prepare
      const file = join(folder, `${name}.xlsx`);
      await saveWorkbook(page, file);
      const [milestone, strict] = await Promise.all([cliReport(file, { strict: false, today: TODAY }), cliReport(file, { strict: true, today: TODAY })]);
      // Act
      const shown = await overviewFigures(page, { validate: "Verifica", overview: "Panoramica" });
      // Assess: PRL of every priority and line, both modes.
      const prlOf = (r: typeof milestone, kind: string, code: string) => (kind === "priority" ? r.priorities : r.lines).find((x) => x.code === code)?.prl;
      expect(shown.prl.length).toBe(milestone.priorities.length + milestone.lines.length);
      for (const r of shown.prl) expect({ code: r.code, prl: r.prl, strict: r.strict }).toEqual({ code: r.code, prl: prlOf(milestone, r.kind, r.code), strict: prlOf(strict, r.kind, r.code) });
      // Assess: every roll-up row (by priority with the total, by programme). The page's data
      // attributes hold the core's cents; the CLI's JSON holds euro (SPEC §10).
      const { byPriority, byProgramme, total } = milestone.rollups;
      const cents = (euro: number | undefined) => (euro === undefined ? undefined : Math.round(euro * 100));
      expect(shown.rollups.length).toBe(Object.keys(byPriority).length + 1 + Object.keys(byProgramme).length);
      for (const r of shown.rollups) {
        const cli = r.key === "*" ? total : (r.table === "rollup-priority" ? byPriority : byProgramme)[r.key];
        expect({ key: r.key, total: r.total, requested: r.requested, funded: r.funded }).toEqual({ key: r.key, total: cents(cli?.totalBudget), requested: cents(cli?.requested), funded: cents(cli?.funded) });
      }
      // Assess: the =CLUSTER.PRL() cells of the formulas sheet (project DGH, line 5.2, priority 5).
      const formulas = { B2: milestone.projects.find((p) => p.code === "DGH")?.prl, C2: strict.projects.find((p) => p.code === "DGH")?.prlStrict, B3: prlOf(milestone, "line", "5.2"), B4: prlOf(milestone, "priority", "5") };
      for (const [a1, prl] of Object.entries(formulas)) expect({ a1, shown: await shownCell(page, "Formule", a1) }).toEqual({ a1, shown: String(prl) });
    }
    await screenshot(anna, "e2e-overview");
  });
});
