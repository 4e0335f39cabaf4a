/**
 * Stories (a), (i) and (j) of issue #11 in real Chromium over the real task pane, the local API
 * and DynamoDB Local:
 * (a) a workbook whose rows the cloud already holds syncs the first time with 0 conflicts;
 * (i) the CLI and the add-in take turns on the same file with no false conflict;
 * (j) after `npm start`'s import, an edited copy of its sample pushes from the pane with 0 conflicts;
 * (f) a workbook with a hidden drop-down list sheet validates and pushes with no errors and no
 *     phantom rows; so does one saved with the overview an older version wrote (no A1 mark).
 */
import { copyFile, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { main } from "#cli/main.ts";
import { SYNC_SHEET_NAME } from "#core/sync/sync-sheet.ts";
import { startLocalStack, type LocalStack } from "#functions/local/stack.ts";
import { readWorkbookFile } from "#xlsx/read-workbook.ts";
import { writeXlsx } from "#samples/write-xlsx.ts";
import { ensureSampleWorkbook, seedPlan } from "../../../dev/sample.ts";
import { analyzeWorkbook } from "#core/analyze.ts";
import { LEGACY_OVERVIEW_HEADINGS } from "#core/sheets/product-sheets.ts";
import { planRows } from "#core/sync/rows.ts";
import { bigDataPlan, snapshotOf } from "#samples/seed-workbook.ts";
import { openTab, validate, workbookSheets } from "../../e2e/support/staff.ts";
import { cellValue, editCell, usePreviewSite } from "../harness.ts";
import { act, loadSheetValues, openPane, pullAndApply, pushStatuses } from "../pane-actions.ts";

const preview = usePreviewSite();
let stack: LocalStack;
let dir = "";
const tokens: Record<string, string> = {};

beforeAll(async () => {
  process.env["POWERTOOLS_LOG_LEVEL"] ??= "SILENT";
  stack = await startLocalStack({ corsOrigins: [preview.url] });
  dir = await mkdtemp(join(tmpdir(), "actionplan-stories-"));
  for (const user of ["anna", "bruno", "dev-user"]) tokens[user] = await stack.issuer.mintToken({ oid: user, name: user });
}, 180_000);

afterAll(async () => {
  await stack?.stop();
  await rm(dir, { recursive: true, force: true });
});

async function newPlan(plan: string): Promise<void> {
  await stack.store.createPlan(plan, plan, "anna");
  await stack.store.putMember(plan, "bruno", "editor");
}

const open = (plan: string, user: string) => openPane(preview, { api: stack.apiUrl, plan, user, token: tokens[user] ?? "" });

/** `actionplan sync <file> --json` against the stack as `user`. */
async function cliSync(file: string, plan: string, user: string) {
  let out = "";
  let err = "";
  const code = await main(["sync", file, "--plan", plan, "--api", stack.apiUrl, "--token", tokens[user] ?? "", "--json"], {
    stdout: (t) => void (out += t),
    stderr: (t) => void (err += t),
    cwd: dir,
  });
  if (err !== "") throw new Error(`actionplan sync: ${err}`);
  return { code, report: JSON.parse(out) as { sent: number; counts: Record<string, number> } };
}

const versions = async (plan: string) =>
  Object.fromEntries((await stack.store.listRows(plan)).map((r) => [`${r.entity}:${r.key}`, r.version]));

describe("story (a): first sync of a workbook the cloud already holds", () => {
  it("reports every row unchanged, no conflict, and then has nothing to send", async () => {
    // Prepare: Anna's copy put the plan in the cloud; Bruno has his own copy, never synced.
    const plan = "story-a";
    await newPlan(plan);
    await act(await open(plan, "anna"), "push");
    const before = await versions(plan);
    const bruno = await open(plan, "bruno");
    // Act
    const first = await act(bruno, "push");
    const statuses = await pushStatuses(bruno);
    const second = await act(bruno, "push");
    // Assess
    expect(first.intent).toBe("success");
    expect(statuses.length).toBeGreaterThan(0);
    expect(new Set(statuses)).toEqual(new Set(["unchanged"]));
    expect(await bruno.locator('[data-testid="conflict"]').count()).toBe(0);
    expect(second.text).toMatch(/Nessuna modifica da inviare/);
    expect(await versions(plan)).toEqual(before);
  });
});

describe("story (i): the CLI and the add-in take turns on the same file", () => {
  it("each sends only its own edits, pulls the other's, and never reports a conflict", async () => {
    // Prepare: Anna pushes from the pane and saves the file.
    const plan = "story-i";
    await newPlan(plan);
    const anna = await open(plan, "anna");
    await act(anna, "push");
    const file = join(dir, "turns.xlsx");
    // Act 1: the file, edited elsewhere (a budget amount), goes through the CLI.
    const saved = await workbookSheets(anna);
    const budget = saved.find((s) => s.name === "Budget");
    if (!budget?.values[1]) throw new Error("the page has no Budget row 2");
    budget.values[1][3] = 140_000;
    await writeXlsx(saved, file);
    const cli1 = await cliSync(file, plan, "anna");
    // Act 2: in the pane (which has not seen the CLI's push) Anna edits a project title and pushes, then pulls.
    await editCell(anna, "Progetti", "C2", "Titolo dal riquadro");
    const pane = await act(anna, "push");
    const paneStatuses = await pushStatuses(anna);
    const pulled = await pullAndApply(anna);
    // Act 3: the pane's workbook, saved again, goes through the CLI.
    await writeXlsx(await workbookSheets(anna), file);
    const cli2 = await cliSync(file, plan, "anna");
    // Assess
    expect(cli1.report.counts).toMatchObject({ applied: 1, conflict: 0 });
    expect(pane.intent).toBe("success");
    expect(paneStatuses).toEqual(["applied"]);
    expect(pulled).toBe(1);
    expect(await cellValue(anna, "Budget", "D2")).toBe(140_000);
    expect(cli2.report.counts).toMatchObject({ applied: 0, conflict: 0, invalid: 0 });
    const rows = await stack.store.listRows(plan);
    expect(rows.find((r) => r.entity === "project" && r.key === "DGH")?.values["title"]).toBe("Titolo dal riquadro");
    expect(rows.filter((r) => r.version > 1).map((r) => [r.entity, r.values["amount"] ?? r.values["title"]])).toEqual(
      expect.arrayContaining([["budget", 140_000], ["project", "Titolo dal riquadro"]]),
    );
    expect(rows.filter((r) => r.version > 1)).toHaveLength(2);
  });
});

describe("story (j): after npm start, an edited copy of its sample syncs with 0 conflicts from the pane", () => {
  it("pushes only the edited budget row", async () => {
    // Prepare: npm start's sample and import (dev/sample.ts), then a copy opened in the pane.
    const plan = "story-j";
    const sample = join(dir, "sample.xlsx");
    const written = await ensureSampleWorkbook(sample, plan);
    await seedPlan({ store: stack.store, plan, title: "Sample", admin: "dev-user", workbook: sample, recordBase: written });
    const copy = join(dir, "sample-copy.xlsx");
    await copyFile(sample, copy);
    const syncSheet = (await readWorkbookFile(copy)).sheets.find((s) => s.name === SYNC_SHEET_NAME);
    if (!syncSheet) throw new Error("the sample has no sync sheet");
    const page = await open(plan, "dev-user");
    await loadSheetValues(page, SYNC_SHEET_NAME, syncSheet.values);
    // Act
    await editCell(page, "Budget", "D2", 135_000);
    const pushed = await act(page, "push");
    // Assess
    expect(pushed.intent).toBe("success");
    expect(await pushStatuses(page)).toEqual(["applied"]);
    const changed = (await stack.store.listRows(plan)).filter((r) => r.version > 1);
    expect(changed).toEqual([expect.objectContaining({ entity: "budget", version: 2, values: expect.objectContaining({ amount: 135_000 }) })]);
  });
});

/** Adds sheet `name` holding `values` from A1 to the pane's workbook, hidden if asked, as a person would. */
async function addSheet(page: Page, name: string, values: (string | number | null)[][], hidden = false): Promise<void> {
  await page.evaluate(
    async ({ name, values, hidden }) => {
      const fake = window.__preview?.fake;
      if (!fake) throw new Error("no preview host");
      await fake.run(async (context) => {
        const sheet = context.workbook.worksheets.add(name);
        sheet.getRange(`A1:${String.fromCharCode(64 + (values[0]?.length ?? 1))}${values.length}`).values = values;
        if (hidden) sheet.visibility = "Hidden";
        await context.sync();
      });
    },
    { name, values, hidden },
  );
}

describe("story (f): a workbook with a hidden drop-down list sheet", () => {
  it("validates with the same issues as without it and pushes no phantom rows", async () => {
    // Prepare: the list sheet a person keeps for drop-downs, hidden, with vocabulary headings only.
    const plan = "story-f";
    await newPlan(plan);
    const page = await open(plan, "anna");
    await openTab(page, "Verifica");
    const without = await validate(page);
    await addSheet(
      page,
      "Elenchi",
      [
        ["Programma", "Esito"],
        ["HORIZON EUROPE", "finanziato"],
        ["INTERREG", "non finanziato"],
        ["ERASMUS+", "in attesa di valutazione"],
        ["LIFE", "ritirato"],
      ],
      true,
    );
    const sheets = await page.evaluate(() => window.__preview?.fake.state.sheets.map((s) => [s.name, s.visibility]) ?? []);
    expect(sheets).toContainEqual(["Elenchi", "Hidden"]);
    // Act
    const withList = await validate(page);
    await openTab(page, "Sincronizza");
    const pushed = await act(page, "push");
    // Assess
    expect(withList).toEqual(without);
    expect(pushed.intent).toBe("success");
    const expected = planRows(analyzeWorkbook(snapshotOf(bigDataPlan())).plan).rows.length;
    const rows = await stack.store.listRows(plan);
    expect(rows).toHaveLength(expected);
    expect(rows.filter((r) => /HORIZON|INTERREG|ERASMUS|LIFE/.test(r.key))).toEqual([]);
  });
});

describe("story (f): a workbook saved with an overview from before the mark", () => {
  it("validates with the same issues as without it and pushes no phantom rows", async () => {
    // Prepare: the overview sheet an older version wrote (table from A1, no A1 mark), as saved then.
    const plan = "story-f-legacy";
    await newPlan(plan);
    const page = await open(plan, "anna");
    await openTab(page, "Verifica");
    const without = await validate(page);
    const overview = [
      [...LEGACY_OVERVIEW_HEADINGS.it],
      ["5", "Big Data", 8, 7, 3, 200000, 150000, 0, null],
      ["5.2", "Big data per la salute", 8, 7, 3, 200000, 150000, 0, null],
      ["Progetto 1", "", 8, 7, 1, 200000, 150000, 0, null],
    ];
    await addSheet(page, "Panoramica", overview);
    // Act
    const withOverview = await validate(page);
    await openTab(page, "Sincronizza");
    const pushed = await act(page, "push");
    // Assess
    expect(withOverview).toEqual(without);
    expect(pushed.intent).toBe("success");
    const expected = planRows(analyzeWorkbook(snapshotOf(bigDataPlan())).plan).rows.length;
    const rows = await stack.store.listRows(plan);
    expect(rows).toHaveLength(expected);
    expect(rows.filter((r) => ["5", "5.2", "Progetto 1"].includes(r.key) && r.entity === "project")).toEqual([]);
  });
});

describe("history of a budget row found by what the sheet shows", () => {
  it("opens by project and category as written, and says so when no row matches", async () => {
    // Prepare: DGH's travel line (Budget row 10) pushed, then changed and pushed again.
    const plan = "story-history";
    await newPlan(plan);
    const anna = await open(plan, "anna");
    await act(anna, "push");
    await editCell(anna, "Budget", "D10", 45_000);
    await act(anna, "push");
    // Act 1
    await anna.getByTestId("history-entity").selectOption("budget");
    await anna.getByTestId("history-budget-project").fill("dgh");
    await anna.getByTestId("history-budget-category").fill("Viaggi");
    await act(anna, "history-show");
    // Assess 1: both versions of that row, not of another line of DGH.
    const versions = await anna
      .locator('[data-testid="history"] tbody tr[data-version]')
      .evaluateAll((rows) => rows.map((r) => r.getAttribute("data-version")));
    expect([...versions].sort()).toEqual(["1", "2"]);
    expect(await anna.getByTestId("history").textContent()).toMatch(/45[.,]?000/);
    // Act 2
    await anna.getByTestId("history-budget-category").fill("Nessuna voce");
    const missing = await act(anna, "history-show");
    // Assess 2: the fields were filled from the row shown (project as the sheet writes it)
    expect(missing.intent).toBe("warning");
    expect(missing.text).toMatch(/Nessuna riga di budget con progetto DGH e voce Nessuna voce/);
  });

  it("opens for the row the person has selected in the sheet, and says so on a cell of no row", async () => {
    // Prepare: the same travel line pushed twice, on a plan of its own.
    const plan = "story-history-selected";
    await newPlan(plan);
    const anna = await open(plan, "anna");
    await act(anna, "push");
    const original = await cellValue(anna, "Budget", "D10");
    await editCell(anna, "Budget", "D10", 46_000);
    await act(anna, "push");
    // Act 1: the person clicks a cell of that line in the sheet, then asks for its history.
    await anna.getByTestId("sheet-tab-Budget").click();
    await anna.locator('[data-testid="grid"] td[data-cell="B10"]').click();
    await act(anna, "history-selected");
    // Assess 1: that row's two versions, the form filled with what the sheet shows.
    const versions = await anna
      .locator('[data-testid="history"] tbody tr[data-version]')
      .evaluateAll((rows) => rows.map((r) => r.getAttribute("data-version")));
    expect([...versions].sort()).toEqual(["1", "2"]);
    expect(await anna.getByTestId("history-budget-category").inputValue()).toMatch(/Viaggi/);
    // Act 2: restore version 1 of that line, confirm, write it into the sheet.
    await anna.locator('[data-testid="history"] tr[data-version="1"]').getByTestId("restore").click();
    const question = (await anna.getByTestId("restore-confirmation").textContent()) ?? "";
    await act(anna, "restore-confirm");
    const written = await act(anna, "restore-write");
    // Assess 2: every sentence names the line as the sheet shows it, never by its row key.
    expect(question).toMatch(/^Ripristinare la versione 1 di DGH · Viaggi e missioni\?/);
    // (version 1 restored is the cloud's version 3, the one written)
    expect(written).toEqual({ intent: "success", text: "Versione 3 di DGH · Viaggi e missioni scritta nel foglio." });
    for (const text of [question, written.text]) expect(text).not.toContain("|");
    expect(await cellValue(anna, "Budget", "D10")).toBe(original);
    // Act 3: the heading row belongs to no row of the plan.
    await anna.locator('[data-testid="grid"] td[data-cell="A1"]').click();
    const none = await act(anna, "history-selected");
    // Assess 3
    expect(none.intent).toBe("warning");
    expect(none.text).toMatch(/La cella selezionata non è in una riga del piano/);
  });
});
