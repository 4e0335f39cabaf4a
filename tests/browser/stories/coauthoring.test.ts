/**
 * Issue #18: two staff in one workbook at once (co-authoring with AutoSave). Anna and Bruno each
 * have the task pane open on their own session of the same workbook; their changes reach each
 * other 200 ms late, as AutoSave merges them. Real Chromium, the real task pane over the local
 * API and DynamoDB Local; the two pages share the in-memory workbook through the preview's
 * co-authoring channel.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { startLocalStack } from "#functions/local/stack.ts";
import type { LocalStack } from "#functions/local/stack.ts";
import { cellValue, editCell, usePreviewSite } from "../harness.ts";
import { act as paneAct } from "../pane-actions.ts";

const preview = usePreviewSite();
let stack: LocalStack;
const tokens: Record<string, string> = {};
const PLANS = ["story-coauthor-1", "story-coauthor-2", "story-coauthor-3"];

beforeAll(async () => {
  process.env["POWERTOOLS_LOG_LEVEL"] ??= "SILENT";
  stack = await startLocalStack({ corsOrigins: [preview.url] });
  tokens["anna"] = await stack.issuer.mintToken({ oid: "anna", name: "Anna" });
  tokens["bruno"] = await stack.issuer.mintToken({ oid: "bruno", name: "Bruno" });
  for (const plan of PLANS) {
    await stack.store.createPlan(plan, "Storia coautori", "anna");
    await stack.store.putMember(plan, "bruno", "editor");
  }
}, 180_000);

afterAll(async () => {
  await stack?.stop();
});

const person = (plan: string, user: string, tab: string) => ({
  seed: "big-data",
  lang: "it",
  api: stack.apiUrl,
  plan,
  user,
  token: tokens[user] ?? "",
  tab,
  today: "2026-01-15",
});

/** A sync-tab action and the message the pane then shows. */
const act = async (page: Page, testId: string): Promise<string> => (await paneAct(page, testId)).text;

/** The sync sheet as the page's session holds it (values, from A1). */
const syncSheet = (page: Page) =>
  page.evaluate(() => {
    const fake = window.__preview?.fake;
    return fake?.state.sheets.some((s) => s.name === "_actionplan_sync") === true ? fake.values("_actionplan_sync") : [];
  });

/** Until what one session wrote has reached the other (AutoSave's delay is 200 ms). */
const merged = () => new Promise((r) => setTimeout(r, 600));

async function openBoth(plan: string, tabB = "sync"): Promise<[Page, Page]> {
  const [anna, bruno] = await preview.openCoauthors([person(plan, "anna", "sync"), person(plan, "bruno", tabB)]);
  return [anna as Page, bruno as Page];
}

describe("two staff in one workbook at once", () => {
  it("A edits and pushes while B's pane is open: B's workbook, =CLUSTER.BUDGET and Overview show it, B is told, B has nothing to push", async () => {
    // Prepare: Anna pushes the plan; Bruno looks at the Overview.
    const [anna, bruno] = await openBoth(PLANS[0] as string, "overview");
    await act(anna, "push");
    await merged();
    await bruno.getByRole("tabpanel").getByRole("button", { name: "Verifica" }).click();
    const total = bruno.locator('[data-testid="rollup-priority"] tr[data-key="*"]');
    await total.waitFor();
    const before = Number(await total.getAttribute("data-total"));
    // Bruno's formulas sheet: =CLUSTER.BUDGET(A2) of DGH, computed from his add-in's plan store.
    await bruno.getByTestId("sheet-tab-Formule").click();
    const budget = bruno.locator('[data-testid="grid"] td[data-cell="F2"]');
    await expect.poll(() => budget.textContent(), { timeout: 10_000 }).toMatch(/^\d/);
    const budgetBefore = await budget.textContent();
    // Act: Anna changes DGH's total budget and pushes.
    await editCell(anna, "Progetti", "M2", 987_654);
    await act(anna, "push");
    await merged();
    // Assess: Bruno's workbook, Overview and notice follow without him doing anything.
    expect(await cellValue(bruno, "Progetti", "M2")).toBe(987_654);
    await expect.poll(() => total.getAttribute("data-total").then(Number), { timeout: 10_000 }).not.toBe(before);
    await expect.poll(() => budget.textContent(), { timeout: 10_000 }).not.toBe(budgetBefore);
    expect(await budget.textContent()).toBe("987654");
    const notice = bruno.getByTestId("coauthor-notice");
    await expect.poll(() => notice.getAttribute("data-synced"), { timeout: 10_000 }).toBe("true");
    expect(await notice.textContent()).toMatch(/Un coautore ha modificato Progetti/);
    expect(await syncSheet(bruno)).toEqual(await syncSheet(anna));
    await bruno.getByTestId("tab-sync").click();
    expect(await act(bruno, "push")).toMatch(/Nessuna modifica da inviare/);
    await anna.context().close();
  });

  it("A and B push different rows at once: both applied, both bases kept, no false conflict next time", async () => {
    // Prepare
    const plan = PLANS[1] as string;
    const [anna, bruno] = await openBoth(plan);
    await act(anna, "push");
    await merged();
    await editCell(anna, "Progetti", "C2", "Titolo di Anna");
    await editCell(bruno, "Progetti", "C3", "Titolo di Bruno");
    await merged();
    // Act: both push at the same moment.
    const [a, b] = await Promise.all([act(anna, "push"), act(bruno, "push")]);
    await merged();
    // Assess: AutoSave had merged the edits, so whichever push ran first carried both rows; the
    // other found them applied (unchanged) or, if the first's bases had arrived, nothing to send.
    for (const message of [a, b]) expect(message).toMatch(/conflitti 0|Nessuna modifica da inviare/);
    const rows = await stack.store.listRows(plan);
    const changed = rows.filter((r) => r.entity === "project" && ["Titolo di Anna", "Titolo di Bruno"].includes(String(r.values["title"])));
    expect(changed.map((r) => r.version)).toEqual([2, 2]);
    expect(await syncSheet(bruno)).toEqual(await syncSheet(anna));
    expect(await act(anna, "push")).toMatch(/Nessuna modifica da inviare/);
    expect(await act(bruno, "push")).toMatch(/Nessuna modifica da inviare/);
    await anna.context().close();
  });

  it("A pulls while B pushes: both sessions end with the same values and bases", async () => {
    // Prepare: Anna pushes; Bruno edits a title.
    const plan = PLANS[2] as string;
    const [anna, bruno] = await openBoth(plan);
    await act(anna, "push");
    await merged();
    await editCell(bruno, "Progetti", "C4", "Titolo nuovo");
    // Act: Bruno pushes while Anna pulls.
    await Promise.all([act(bruno, "push"), act(anna, "pull")]);
    if ((await anna.getByTestId("pull-apply").count()) > 0) await act(anna, "pull-apply");
    await merged();
    // Assess
    expect(await cellValue(anna, "Progetti", "C4")).toBe("Titolo nuovo");
    expect(await syncSheet(bruno)).toEqual(await syncSheet(anna));
    expect(await act(anna, "push")).toMatch(/Nessuna modifica da inviare/);
    expect(await act(bruno, "push")).toMatch(/Nessuna modifica da inviare/);
    await anna.context().close();
  });

  it("A validates while B is editing: B's marks survive, in both sessions", async () => {
    // Prepare: Bruno validates (his marks are made), then goes on typing.
    const [anna, bruno] = (await preview.openCoauthors([
      // The messy seed: a plan with issues to mark.
      { ...person(PLANS[0] as string, "anna", "validate"), seed: "messy" },
      { ...person(PLANS[0] as string, "bruno", "validate"), seed: "messy" },
    ])) as [Page, Page];
    const validate = (page: Page) => page.getByRole("tabpanel").getByRole("button", { name: "Verifica" }).click();
    const marksOf = (page: Page, who: string) =>
      page.evaluate(
        (prefix) =>
          window.__preview?.fake.state.sheets.filter((s) => s.name.startsWith(prefix)).map((s) => s.name) ?? [],
        `_ap_issues_${who}_`,
      );
    // The pane says marks are per person, where they are switched on and off.
    expect(await bruno.getByTestId("highlight-note").textContent()).toMatch(/Le evidenziazioni sono di ciascuno/);
    await validate(bruno);
    await expect.poll(() => marksOf(bruno, "bruno").then((m) => m.length), { timeout: 10_000 }).toBeGreaterThan(0);
    await merged();
    const his = await marksOf(bruno, "bruno");
    // Act: Anna validates while Bruno edits a title.
    await Promise.all([validate(anna), editCell(bruno, "Progetti", "C5", "Bruno scrive")]);
    await expect.poll(() => marksOf(anna, "anna").then((m) => m.length), { timeout: 10_000 }).toBeGreaterThan(0);
    await merged();
    // Assess: his marks are still there for both of them, next to hers.
    expect(await marksOf(bruno, "bruno")).toEqual(his);
    expect(await marksOf(anna, "bruno")).toEqual(his);
    expect((await marksOf(bruno, "anna")).length).toBeGreaterThan(0);
    await anna.context().close();
  });
});
