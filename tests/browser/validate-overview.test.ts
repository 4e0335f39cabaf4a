/**
 * The task pane in real Chromium over the in-memory Excel host (no network): validate, select a
 * cell from an issue, highlight, re-validate after an edit, overview figures, =CLUSTER.PRL() cells,
 * Italian and English.
 */
import { describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { analyzeWorkbook } from "#core/analyze.ts";
import { prlIndex } from "#core/prl/index.ts";
import { computeRollups } from "#core/report/index.ts";
import { columnLetter } from "#core/values/index.ts";
import { bigDataPlan, messyPlan, PLANTED_ISSUES, snapshotOf } from "#samples/seed-workbook.ts";
import { cellValue, editCell, screenshot, usePreviewSite } from "./harness.ts";

const TODAY = "2026-11-22";
const preview = usePreviewSite();

async function validate(page: Page): Promise<void> {
  const before = await page.evaluate(
    () => document.querySelector('[data-testid="validate-result"]')?.getAttribute("data-run") ?? null,
  );
  await page.getByTestId("validate-run").click();
  await page.waitForFunction(
    (prev) => {
      const el = document.querySelector('[data-testid="validate-result"]');
      return el !== null && el.getAttribute("data-run") !== prev;
    },
    before,
    { timeout: 20_000 },
  );
}

async function counts(page: Page): Promise<{ errors: number; warnings: number }> {
  const el = page.getByTestId("issue-counts");
  return {
    errors: Number(await el.getAttribute("data-errors")),
    warnings: Number(await el.getAttribute("data-warnings")),
  };
}

describe("Validate panel in Chromium", () => {
  it("lists every planted issue of the messy plan with its cell, and the counts the core finds", async () => {
    // Prepare
    const page = await preview.open({ seed: "messy", lang: "it", today: TODAY });
    const expected = analyzeWorkbook(snapshotOf(messyPlan()), { today: TODAY }).issues;
    // Act
    await validate(page);
    // Assess
    const listed = await page
      .getByTestId("issue")
      .evaluateAll((els) => els.map((e) => `${e.getAttribute("data-cell")}:${e.getAttribute("data-code")}`));
    for (const p of PLANTED_ISSUES) expect(listed).toContain(`${p.sheet}!${p.cell}:${p.code}`);
    expect(await counts(page)).toEqual({
      errors: expected.filter((i) => i.severity === "error").length,
      warnings: expected.filter((i) => i.severity === "warning").length,
    });
    const firstSeverities = await page
      .getByTestId("issue-group")
      .first()
      .getByTestId("issue")
      .evaluateAll((els) => els.map((e) => e.getAttribute("data-severity")));
    expect(
      firstSeverities.indexOf("warning") === -1 ||
        firstSeverities.lastIndexOf("error") < firstSeverities.indexOf("warning"),
    ).toBe(true);
    await screenshot(page, "validate-it");
    await page.close();
  });

  it.each(PLANTED_ISSUES.filter((p) => p.severity === "error").slice(0, 3))(
    "clicking the issue at $sheet!$cell selects that cell and shows it highlighted",
    async (planted) => {
      // Prepare
      const page = await preview.open({ seed: "messy", lang: "en", today: TODAY });
      await validate(page);
      // Act
      await page
        .locator(
          `[data-testid="issue"][data-cell="${planted.sheet}!${planted.cell}"][data-code="${planted.code}"]`,
        )
        .click();
      // Assess
      await expect
        .poll(() => page.getByTestId("grid").getAttribute("data-selected"))
        .toBe(`${planted.sheet}!${planted.cell}`);
      await expect
        .poll(() =>
          page.locator(`[data-testid="grid"] td[data-cell="${planted.cell}"]`).getAttribute("data-mark"),
        )
        .toBe("2");
      await page.close();
    },
  );

  it("turning highlighting off removes every mark from the grid", async () => {
    const page = await preview.open({ seed: "messy", lang: "it", today: TODAY });
    await validate(page);
    const planted = PLANTED_ISSUES.find((p) => p.severity === "error")!;
    await page.locator(`[data-testid="issue"][data-cell="${planted.sheet}!${planted.cell}"]`).first().click();
    await expect.poll(() => page.locator('td[data-mark="2"]').count()).toBeGreaterThan(0);
    // Act
    await page.getByTestId("highlight-toggle").click();
    // Assess
    await expect.poll(() => page.locator('td[data-mark="1"], td[data-mark="2"]').count()).toBe(0);
    await page.close();
  });

  it("re-validates by itself after the user edits a cell", async () => {
    // Prepare: a clean plan, then an unknown outcome typed into the first project's "Esito" cell.
    const page = await preview.open({ seed: "big-data", lang: "it", today: TODAY });
    await validate(page);
    const before = await counts(page);
    const header = bigDataPlan()[2]!.values[0]!;
    const col = columnLetter(header.indexOf("Esito") + 1);
    // Act
    await editCell(page, "Progetti", `${col}2`, "boh");
    // Assess
    await expect
      .poll(() => counts(page), { timeout: 10_000 })
      .toEqual({ errors: before.errors + 1, warnings: before.warnings });
    await expect(page.locator(`[data-testid="issue"][data-cell="Progetti!${col}2"]`).count()).resolves.toBe(
      1,
    );
    await page.close();
  });
});

describe("Overview panel in Chromium", () => {
  it("shows the PRL of every priority and line (both modes) and the budget totals the core computes", async () => {
    // Prepare
    const { plan } = analyzeWorkbook(snapshotOf(bigDataPlan()), { today: TODAY });
    const milestone = prlIndex(plan, "milestone");
    const strict = prlIndex(plan, "strict");
    const total = computeRollups(plan).total;
    const page = await preview.open({
      seed: "big-data",
      lang: "it",
      today: TODAY,
      tab: "overview",
    });
    // Act
    await page.getByRole("tabpanel").getByRole("button", { name: "Verifica" }).click();
    await page.getByTestId("prl-table").waitFor();
    // Assess
    const rows = await page.locator('[data-testid="prl-table"] tbody tr').evaluateAll((els) =>
      els.map((e) => ({
        kind: e.getAttribute("data-kind"),
        code: e.getAttribute("data-code"),
        prl: Number(e.getAttribute("data-prl")),
        strict: Number(e.getAttribute("data-strict")),
      })),
    );
    expect(rows.length).toBe(plan.priorities.length + plan.lines.length);
    for (const r of rows) {
      const m = r.kind === "priority" ? milestone.priority(r.code!) : milestone.line(r.code!);
      const s = r.kind === "priority" ? strict.priority(r.code!) : strict.line(r.code!);
      expect([r.code, r.prl, r.strict]).toEqual([r.code, m, s]);
    }
    const totalRow = page.locator('[data-testid="rollup-priority"] tr[data-key="*"]');
    expect(Number(await totalRow.getAttribute("data-total"))).toBe(total.totalBudget);
    expect(Number(await totalRow.getAttribute("data-requested"))).toBe(total.requested);
    expect(Number(await totalRow.getAttribute("data-funded"))).toBe(total.funded);
    const bars = await page
      .locator('[data-testid="prl-chart"] g[data-level]')
      .evaluateAll((els) => els.map((e) => Number(e.getAttribute("data-count"))));
    expect(bars.reduce((a, b) => a + b, 0)).toBe(plan.projects.length);
    await screenshot(page, "overview-it");
    await page.close();
  });

  it("writes the overview sheet as a native table with a chart", async () => {
    const page = await preview.open({
      seed: "big-data",
      lang: "en",
      today: TODAY,
      tab: "overview",
    });
    await page.getByRole("tabpanel").getByRole("button", { name: "Validate" }).click();
    // Act
    await page.getByTestId("overview-write").click();
    // Assess
    await expect
      .poll(() =>
        page.evaluate(
          () => window.__preview?.fake.state.sheets.find((s) => s.name === "Overview")?.tables.length ?? 0,
        ),
      )
      .toBe(1);
    expect(
      await page.evaluate(
        () => window.__preview?.fake.state.sheets.find((s) => s.name === "Overview")?.charts.length ?? 0,
      ),
    ).toBe(1);
    await page.close();
  });
});

describe("Custom functions and languages in Chromium", () => {
  it("shows =CLUSTER.PRL() results computed by the core on the formulas sheet", async () => {
    const { plan } = analyzeWorkbook(snapshotOf(bigDataPlan()));
    const milestone = prlIndex(plan, "milestone");
    const strict = prlIndex(plan, "strict");
    const page = await preview.open({ seed: "big-data", lang: "it" });
    // Act
    await page.getByTestId("sheet-tab-Formule").click();
    // Assess
    const text = (a1: string) => page.locator(`[data-testid="grid"] td[data-cell="${a1}"]`).textContent();
    expect(await text("B2")).toBe(String(milestone.lookup("DGH")?.prl));
    expect(await text("C2")).toBe(String(strict.lookup("DGH")?.prl));
    expect(await text("B3")).toBe(String(milestone.line("5.2")));
    expect(await text("B4")).toBe(String(milestone.priority("5")));
    expect(await text("F2")).toBe(String(computeRollups(plan).byProject["DGH"]!.totalBudget / 100));
    await screenshot(page, "formulas");
    await page.close();
  });

  it("makes =PRL(A2) work once the PRL names are installed from Settings", async () => {
    const { plan } = analyzeWorkbook(snapshotOf(bigDataPlan()));
    const page = await preview.open({ seed: "big-data", lang: "it", tab: "settings" });
    await page.getByTestId("sheet-tab-Formule").click();
    const e2 = page.locator('[data-testid="grid"] td[data-cell="E2"]');
    expect(await e2.textContent()).toBe("#NAME?");
    // Act
    await page.getByTestId("install-names").click();
    // Assess
    await expect.poll(() => e2.textContent()).toBe(String(prlIndex(plan, "milestone").lookup("DGH")?.prl));
    await expect.poll(() => page.getByTestId("settings-message").textContent()).toMatch(/PRL/);
    await screenshot(page, "settings-names");
    await page.close();
  });

  it("leaves a name the user already uses alone and says so", async () => {
    const page = await preview.open({ seed: "big-data", lang: "en", tab: "settings" });
    await page.evaluate(() =>
      window.__preview?.fake.state.names.set("prl", {
        name: "PRL",
        formula: "=Sheet1!$A$1",
        comment: "mine",
      }),
    );
    // Act
    await page.getByTestId("install-names").click();
    // Assess
    await expect.poll(() => page.getByTestId("settings-message").textContent()).toMatch(/already used.*PRL/);
    expect(await page.evaluate(() => window.__preview?.fake.state.names.get("prl")?.formula)).toBe(
      "=Sheet1!$A$1",
    );
    await page.close();
  });

  it.each([
    ["it", ["Verifica", "Panoramica", "Sincronizza", "Impostazioni"]],
    ["en", ["Validate", "Overview", "Sync", "Settings"]],
  ] as const)("renders the task pane in %s", async (lang, tabs) => {
    const page = await preview.open({ seed: "messy", lang, today: TODAY });
    await validate(page);
    // Assess
    for (const label of tabs)
      expect(await page.getByTestId("taskpane").getByRole("tab", { name: label, exact: true }).count()).toBe(
        1,
      );
    expect(await page.getByTestId("taskpane").getAttribute("data-locale")).toBe(lang);
    expect(await page.getByTestId("issue-counts").textContent()).toMatch(lang === "it" ? /errori/ : /errors/);
    await screenshot(page, `validate-${lang}-tabs`);
    await page.close();
  });

  it("keeps the original value of a cell typed with a formula-like text as text", async () => {
    const page = await preview.open({ seed: "big-data", lang: "it" });
    await editCell(page, "Progetti", "C2", "'=1+1");
    expect(await cellValue(page, "Progetti", "C2")).toBe("=1+1");
    await page.close();
  });
});
