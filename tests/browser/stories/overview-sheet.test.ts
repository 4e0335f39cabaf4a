/**
 * Story (b) of issue #11: Anna writes the overview sheet for the board, validates and pushes. The
 * overview is the product's own sheet: no issue on it, the same counts, =CLUSTER.PRL of line 5.2
 * unchanged on the formulas sheet, and the cloud holds exactly the plan's rows (no phantom ones).
 * Real Chromium, the real task pane over the local API and DynamoDB Local.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { analyzeWorkbook } from "#core/analyze.ts";
import { prlIndex } from "#core/prl/index.ts";
import { planRows } from "#core/sync/rows.ts";
import { startLocalStack } from "#functions/local/stack.ts";
import type { LocalStack } from "#functions/local/stack.ts";
import { bigDataPlan, snapshotOf } from "#samples/seed-workbook.ts";
import { cellValue, usePreviewSite } from "../harness.ts";

const PLAN = "story-overview";
const preview = usePreviewSite();
let stack: LocalStack;
let token = "";

beforeAll(async () => {
  process.env["POWERTOOLS_LOG_LEVEL"] ??= "SILENT";
  stack = await startLocalStack({ corsOrigins: [preview.url] });
  await stack.store.createPlan(PLAN, "Storia panoramica", "anna");
  token = await stack.issuer.mintToken({ oid: "anna", name: "Anna" });
}, 180_000);

afterAll(async () => {
  await stack?.stop();
});

async function validate(page: Page): Promise<{ errors: number; warnings: number }> {
  const before = await page.evaluate(
    () => document.querySelector('[data-testid="validate-result"]')?.getAttribute("data-run") ?? null,
  );
  await page.getByTestId("validate-run").click();
  await page.waitForFunction(
    (prev) => document.querySelector('[data-testid="validate-result"]')?.getAttribute("data-run") !== prev,
    before,
    { timeout: 20_000 },
  );
  const el = page.getByTestId("issue-counts");
  return {
    errors: Number(await el.getAttribute("data-errors")),
    warnings: Number(await el.getAttribute("data-warnings")),
  };
}

describe("story (b): the overview sheet is never plan data", () => {
  it("write the overview, validate, push: same counts, PRL 5.2 unchanged, no phantom rows in the cloud", async () => {
    // Prepare
    const { plan } = analyzeWorkbook(snapshotOf(bigDataPlan()));
    const expectedRows = planRows(plan).rows.length;
    const prl52 = String(prlIndex(plan, "milestone").line("5.2"));
    const page = await preview.open({
      seed: "big-data",
      lang: "it",
      api: stack.apiUrl,
      plan: PLAN,
      user: "anna",
      token,
      tab: "validate",
    });
    const before = await validate(page);
    // Act: write the overview sheet, then validate again and push.
    await page.getByRole("tab", { name: "Panoramica", exact: true }).click();
    await page.getByTestId("overview-write").click();
    await expect.poll(() => cellValue(page, "Panoramica", "A1")).toBe("actionplan-overview");
    await page.getByRole("tab", { name: "Verifica", exact: true }).click();
    const after = await validate(page);
    await page.getByRole("tab", { name: "Sincronizza", exact: true }).click();
    await page.getByTestId("push").click();
    await page.getByTestId("sync-message").waitFor({ timeout: 30_000 });
    // Assess: what Anna sees, and what the cloud holds.
    expect(after).toEqual(before);
    expect(await page.locator('[data-testid="issue-group"]', { hasText: "Panoramica" }).count()).toBe(0);
    await page.getByTestId("sheet-tab-Formule").click();
    expect(await page.locator('[data-testid="grid"] td[data-cell="B3"]').textContent()).toBe(prl52);
    const stored = await stack.store.listRows(PLAN);
    expect(stored.length).toBe(expectedRows);
    expect(
      stored.filter((r) => r.key === "Progetto 1" || (/^\d\.\d$/.test(r.key) && r.entity === "project")),
    ).toEqual([]);
    await page.close();
  });
});
