/**
 * Issue #17's "Done when", in the task pane: Anna syncs the plan in January, DIGIWELL is funded
 * and she syncs again in March; on the Overview she compares with 1 February and sees DIGIWELL in
 * the movement list with its old and new PRL (as the API's /movement says), line 5.5 with an "up"
 * arrow that says so in words, the months' PRL distribution, and the movement in the overview sheet.
 * Real Chromium, the real task pane over the local API and DynamoDB Local; the store's clock is set
 * so the two syncs happen on known days.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { analyzeWorkbook } from "#core/analyze.ts";
import { prlIndex, projectPrl } from "#core/prl/index.ts";
import { config } from "#functions/config.ts";
import { startLocalStack } from "#functions/local/stack.ts";
import type { LocalStack } from "#functions/local/stack.ts";
import { createStore, setDefaultStore } from "#functions/store/client.ts";
import { bigDataPlan, snapshotOf } from "#samples/seed-workbook.ts";
import { cellValue, editCell, usePreviewSite } from "../harness.ts";

const PLAN = "story-readiness";
const preview = usePreviewSite();
let stack: LocalStack;
let token = "";
/** The store's clock: every version is stamped with it. */
let clock = Date.parse("2026-01-15T09:00:00Z");

beforeAll(async () => {
  process.env["POWERTOOLS_LOG_LEVEL"] ??= "SILENT";
  stack = await startLocalStack({ corsOrigins: [preview.url] });
  setDefaultStore(createStore(config(), () => clock));
  await stack.store.createPlan(PLAN, "Storia andamento", "anna");
  token = await stack.issuer.mintToken({ oid: "anna", name: "Anna" });
}, 180_000);

afterAll(async () => {
  await stack?.stop();
});

async function push(page: Page): Promise<string> {
  const before = Number(await page.getByTestId("sync").getAttribute("data-done"));
  await page.getByTestId("push").click();
  await page.waitForFunction(
    (n) => Number(document.querySelector('[data-testid="sync"]')?.getAttribute("data-done")) > n,
    before,
    { timeout: 30_000 },
  );
  return (await page.getByTestId("sync-message").textContent()) ?? "";
}

describe("readiness over time in the Overview", () => {
  it("compares with a date: the funded project in the movement list, line 5.5 up, months charted, the sheet lists it", async () => {
    // Prepare: what the core says DIGIWELL (row 12, line 5.5) was and becomes once funded.
    const { plan } = analyzeWorkbook(snapshotOf(bigDataPlan()));
    const digiwell = plan.projects.find((p) => p.key === "DIGIWELL");
    if (!digiwell) throw new Error("the seed has no DIGIWELL");
    const prlBefore = projectPrl(digiwell, "milestone");
    const prlAfter = projectPrl({ ...digiwell, outcome: "funded" }, "milestone");
    const line55Before = prlIndex(plan, "milestone").line("5.5");
    expect(prlAfter).toBeGreaterThan(prlBefore);
    const page = await preview.open({
      seed: "big-data",
      lang: "it",
      api: stack.apiUrl,
      plan: PLAN,
      user: "anna",
      token,
      tab: "sync",
      today: "2026-03-20",
    });
    // Act 1: sync on 15 January; DIGIWELL is funded (Esito, column O); sync on 10 March.
    expect(await push(page)).not.toMatch(/errore/i);
    await editCell(page, "Progetti", "O12", "finanziato");
    clock = Date.parse("2026-03-10T15:30:00Z");
    await push(page);
    expect(
      (await stack.store.getRows(PLAN, [{ entity: "project", key: "DIGIWELL" }])).get("project#DIGIWELL")
        ?.version,
    ).toBe(2);
    // Act 2: the Overview, compared with 1 February.
    await page.getByRole("tab", { name: "Verifica", exact: true }).click();
    await page.getByTestId("validate-run").click();
    await page.getByRole("tab", { name: "Panoramica", exact: true }).click();
    const section = page.getByTestId("readiness");
    expect(await page.getByTestId("compare-date").inputValue()).toBe("2026-01-01"); // start of the year by default
    await page.getByTestId("compare-date").fill("2026-02-01");
    await page.getByTestId("compare-run").click();
    await page.waitForFunction(
      () => Number(document.querySelector('[data-testid="readiness"]')?.getAttribute("data-done")) > 0,
      undefined,
      { timeout: 30_000 },
    );
    expect(await page.getByTestId("compare-message").count()).toBe(0);
    // Assess 1: the movement list holds DIGIWELL alone, with its old and new PRL, as the API says.
    const items = section.getByTestId("movement-item");
    expect(await items.count()).toBe(1);
    const item = items.first();
    expect(await item.getAttribute("data-project")).toBe("DIGIWELL");
    expect(await item.getAttribute("data-kind")).toBe("changed");
    expect(Number(await item.getAttribute("data-prl-before"))).toBe(prlBefore);
    expect(Number(await item.getAttribute("data-prl-after"))).toBe(prlAfter);
    expect(await item.textContent()).toContain(`PRL ${prlBefore} → ${prlAfter}`);
    expect(await item.textContent()).toContain("anna");
    const projectArrow = item.getByTestId("prl-arrow");
    expect(await projectArrow.getAttribute("data-direction")).toBe("up");
    expect(await projectArrow.getAttribute("aria-label")).toBe(`salito da ${prlBefore} a ${prlAfter}`);
    const api = (await (
      await fetch(`${stack.apiUrl}/plans/${PLAN}/movement?from=2026-02-01`, {
        headers: { authorization: `Bearer ${token}` },
      })
    ).json()) as { projects: { project: string; before?: { prl: number }; after?: { prl: number } }[] };
    expect(api.projects.map((e) => [e.project, e.before?.prl, e.after?.prl])).toEqual([
      ["DIGIWELL", prlBefore, prlAfter],
    ]);
    // Assess 2: line 5.5 went up, said in words (not by colour alone); line 5.2 did not move.
    const arrow55 = page.locator(
      '[data-testid="prl-table"] tr[data-kind="line"][data-code="5.5"] [data-testid="prl-arrow"]',
    );
    expect(await arrow55.getAttribute("data-direction")).toBe("up");
    expect(await arrow55.getAttribute("aria-label")).toBe(`salito da ${line55Before} a ${prlAfter}`);
    const arrow52 = page.locator(
      '[data-testid="prl-table"] tr[data-kind="line"][data-code="5.2"] [data-testid="prl-arrow"]',
    );
    expect(await arrow52.getAttribute("data-direction")).toBe("same");
    // Assess 3: the months from February to today, DIGIWELL moving from one level to the other.
    const months = page.locator('[data-testid="prl-months"] g[data-month]');
    expect(await months.evaluateAll((gs) => gs.map((g) => g.getAttribute("data-month")))).toEqual([
      "2026-02",
      "2026-03",
    ]);
    const counts = await months.evaluateAll((gs) =>
      gs.map((g) => (g.getAttribute("data-counts") ?? "").split(",").map(Number)),
    );
    const [feb, mar] = counts;
    expect(feb?.reduce((a, b) => a + b, 0)).toBe(plan.projects.length);
    expect((mar?.[prlAfter] ?? 0) - (feb?.[prlAfter] ?? 0)).toBe(1);
    expect((feb?.[prlBefore] ?? 0) - (mar?.[prlBefore] ?? 0)).toBe(1);
    // Assess 4: the overview sheet, with the movement, lists DIGIWELL under the table.
    await page.getByTestId("overview-write").click();
    await expect.poll(() => cellValue(page, "Panoramica", "A1")).toBe("actionplan-overview");
    const rows = await page.evaluate(() => {
      const out: unknown[] = [];
      for (let r = 1; r <= 60; r++) out.push(window.__preview?.value("Panoramica", `A${r}`) ?? null);
      return out;
    });
    const title = rows.findIndex((v) => typeof v === "string" && v.startsWith("Cambiato dal"));
    expect(title).toBeGreaterThan(2);
    expect(rows[title + 1]).toBe("Progetto");
    expect(rows[title + 2]).toBe("DIGIWELL");
    expect(await cellValue(page, "Panoramica", `D${title + 3}`)).toBe(prlBefore);
    expect(await cellValue(page, "Panoramica", `E${title + 3}`)).toBe(prlAfter);
    // Assess 5: the date is remembered as the last board meeting.
    await page.getByTestId("compare-save-meeting").click();
    expect(await page.getByTestId("compare-note").textContent()).toContain("1 febbraio 2026");
    expect(await page.getByTestId("compare-board-meeting").count()).toBe(1);
    await page.close();
  });
});
