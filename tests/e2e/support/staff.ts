/**
 * What a staff member does in the preview page (on top of tests/browser/harness.ts): run a sync
 * action and wait for it, validate, read the overview, and save the workbook as an .xlsx file the
 * way Excel would (every sheet's values, the very hidden sync sheet included). Also the CLI's
 * report of a saved file, for comparison with what the page shows.
 */
import { execFile } from "node:child_process";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import type { Page } from "playwright-core";
import type { CellValue } from "#core/snapshot/types.ts";
import type { FixtureSheet } from "#samples/seed-workbook.ts";
import { writeXlsx } from "#samples/write-xlsx.ts";

const run = promisify(execFile);
const CLI = fileURLToPath(new URL("../../../cli/bin.mjs", import.meta.url));

import { act, openTab, pullAndApply } from "../../browser/pane-actions.ts";

// The pane actions live in tests/browser/pane-actions.ts (one copy for every browser test).
export { act, openTab, pullAndApply };


/** Runs Validate and returns the counts the pane shows. */
export async function validate(page: Page): Promise<{ errors: number; warnings: number }> {
  const before = await page.evaluate(() => document.querySelector('[data-testid="validate-result"]')?.getAttribute("data-run") ?? null);
  await page.getByTestId("validate-run").click();
  await page.waitForFunction((prev) => {
    const el = document.querySelector('[data-testid="validate-result"]');
    return el !== null && el.getAttribute("data-run") !== prev;
  }, before);
  const el = page.getByTestId("issue-counts");
  return { errors: Number(await el.getAttribute("data-errors")), warnings: Number(await el.getAttribute("data-warnings")) };
}

/** The PRL table and roll-ups of the Overview tab, after a fresh Validate. */
export interface OverviewFigures {
  prl: { kind: string; code: string; prl: number; strict: number }[];
  rollups: { table: string; key: string; total: number; requested: number; funded: number }[];
}

export async function overviewFigures(page: Page, tabs: { validate: string; overview: string }): Promise<OverviewFigures> {
  await openTab(page, tabs.validate);
  await validate(page);
  await openTab(page, tabs.overview);
  await page.getByTestId("prl-table").waitFor();
  const prl = await page.locator('[data-testid="prl-table"] tbody tr').evaluateAll((els) =>
    els.map((e) => ({ kind: e.getAttribute("data-kind") ?? "", code: e.getAttribute("data-code") ?? "", prl: Number(e.getAttribute("data-prl")), strict: Number(e.getAttribute("data-strict")) })),
  );
  const rollups = await page.locator('[data-testid^="rollup-"] tbody tr').evaluateAll((els) =>
    els.map((e) => ({
      table: e.closest("table")?.getAttribute("data-testid") ?? "",
      key: e.getAttribute("data-key") ?? "",
      total: Number(e.getAttribute("data-total")),
      requested: Number(e.getAttribute("data-requested")),
      funded: Number(e.getAttribute("data-funded")),
    })),
  );
  return { prl, rollups };
}

/** The text the grid shows in a cell of a sheet (opens the sheet's tab first). */
export async function shownCell(page: Page, sheet: string, a1: string): Promise<string> {
  await page.getByTestId(`sheet-tab-${sheet}`).click();
  return (await page.locator(`[data-testid="grid"] td[data-cell="${a1}"]`).textContent()) ?? "";
}

/** The page's workbook as sheets of values (hidden state kept), as Excel would save it. */
export async function workbookSheets(page: Page): Promise<FixtureSheet[]> {
  const sheets = await page.evaluate(() => {
    const fake = window.__preview?.fake;
    if (!fake) return [];
    return fake.state.sheets.map((s) => ({ name: s.name, visibility: s.visibility, values: fake.values(s.name) }));
  });
  return sheets.map((s) => ({
    name: s.name,
    values: s.values as CellValue[][],
    ...(s.visibility === "VeryHidden" ? { hidden: "very" as const } : s.visibility === "Hidden" ? { hidden: true } : {}),
  }));
}

/** Saves the page's workbook to `path` (.xlsx). */
export async function saveWorkbook(page: Page, path: string): Promise<void> {
  await writeXlsx(await workbookSheets(page), path);
}

/** The subset of `actionplan report --json` this test compares. */
export interface CliReport {
  priorities: { code: string; prl: number }[];
  lines: { code: string; prl: number }[];
  projects: { code: string; prl: number; prlStrict: number }[];
  rollups: Record<"byPriority" | "byProgramme", Record<string, { totalBudget: number; requested: number; funded: number }>> & {
    total: { totalBudget: number; requested: number; funded: number };
  };
}

/** Runs the real CLI binary on a file (exit 1 only means "errors found", still a report). */
export async function cliReport(file: string, options: { strict: boolean; today: string }): Promise<CliReport> {
  const args = [CLI, "report", file, "--json", "--today", options.today, ...(options.strict ? ["--strict"] : [])];
  const out = await run(process.execPath, args, { maxBuffer: 64 * 1024 * 1024 }).catch((e: { code?: number; stdout?: string }) => {
    if (e.code === 1 && e.stdout) return { stdout: e.stdout };
    throw e as Error;
  });
  return JSON.parse(out.stdout) as CliReport;
}
