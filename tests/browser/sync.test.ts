/**
 * Sync in real Chromium against the real local API over DynamoDB Local: push, a second user's
 * edit making a conflict resolved both ways, pull writing values (formula-like text stays text),
 * restore of an old version, the nightly report linked to cells, and the offline / signed-out /
 * refused messages. Two pages are two users, each with their own in-memory copy of the workbook.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { analyzeWorkbook } from "#core/analyze.ts";
import { planRows } from "#core/sync/rows.ts";
import { columnLetter } from "#core/values/index.ts";
import { startLocalStack } from "#functions/local/stack.ts";
import type { LocalStack } from "#functions/local/stack.ts";
import { bigDataPlan, snapshotOf } from "#samples/seed-workbook.ts";
import { cellValue, editCell, screenshot, usePreviewSite } from "./harness.ts";
import { act, openPane, pullAndApply } from "./pane-actions.ts";

const PLAN = "piano-e2e";
const header = bigDataPlan()[2]!.values[0]!;
/** The DGH project's title cell (first project row of the Progetti sheet). */
const TITLE = `${columnLetter(header.indexOf("Titolo progetto") + 1)}2`;

const preview = usePreviewSite();
let stack: LocalStack;
let anna: Page;
let bruno: Page;
const tokens: Record<string, string> = {};

function openAs(user: string, extra: Record<string, string> = {}): Promise<Page> {
  return openPane(preview, { api: stack.apiUrl, plan: PLAN, user, token: tokens[user] ?? "" }, extra);
}

beforeAll(async () => {
  process.env["POWERTOOLS_LOG_LEVEL"] ??= "SILENT";
  stack = await startLocalStack({ corsOrigins: [preview.url] });
  await stack.store.createPlan(PLAN, "Piano E2E", "anna");
  await stack.store.putMember(PLAN, "bruno", "editor");
  await stack.store.putMember(PLAN, "carla", "reader");
  tokens["anna"] = await stack.issuer.mintToken({ oid: "anna", name: "Anna" });
  tokens["bruno"] = await stack.issuer.mintToken({ oid: "bruno", name: "Bruno" });
  tokens["carla"] = await stack.issuer.mintToken({ oid: "carla", name: "Carla" });
  [anna, bruno] = await Promise.all([openAs("anna"), openAs("bruno")]);
}, 180_000);

afterAll(async () => {
  await stack?.stop();
});

describe("sync in Chromium against the local API", () => {
  it("shows the signed-in user and pushes every valid row of the workbook", async () => {
    // Prepare
    const expected = planRows(analyzeWorkbook(snapshotOf(bigDataPlan())).plan).rows.length;
    await expect.poll(() => anna.getByTestId("auth-state").getAttribute("data-signed-in")).toBe("true");
    // Act
    const message = await act(anna, "push");
    // Assess
    expect(message.intent).toBe("success");
    const statuses = await anna
      .locator('[data-testid="push-results"] tbody tr')
      .evaluateAll((rows) => rows.map((r) => r.getAttribute("data-status")));
    expect(statuses.length).toBe(Math.min(expected, 200));
    expect(new Set(statuses)).toEqual(new Set(["applied"]));
    expect((await stack.store.listRows(PLAN)).length).toBe(expected);
    expect(await anna.getByTestId("auth-state").textContent()).toContain("Anna");
    await screenshot(anna, "sync-push");
  });

  it("a second push of the unchanged workbook sends nothing", async () => {
    const message = await act(anna, "push");
    expect(message.text).toMatch(/Nessuna modifica da inviare/);
  });

  it("a pull of rows the file already holds previews no change", async () => {
    // Act
    await act(bruno, "pull");
    // Assess
    expect(await bruno.getByTestId("pull-preview").getAttribute("data-count")).toBe("0");
    await act(bruno, "pull-apply");
  });

  it("shows a conflict side by side when another user changed the row, and keep-mine pushes mine", async () => {
    // Prepare: Bruno changes the title and pushes; Anna changes the same cell without pulling.
    await editCell(bruno, "Progetti", TITLE, "Titolo di Bruno");
    expect((await act(bruno, "push")).intent).toBe("success");
    await editCell(anna, "Progetti", TITLE, "Titolo di Anna");
    // Act
    const message = await act(anna, "push");
    // Assess
    expect(message.intent).toBe("warning");
    const conflict = anna.locator('[data-testid="conflict"][data-key="DGH"]');
    await expect(conflict.locator('tr[data-field="title"] td[data-side="mine"]').textContent()).resolves.toBe(
      "Titolo di Anna",
    );
    await expect(
      conflict.locator('tr[data-field="title"] td[data-side="cloud"]').textContent(),
    ).resolves.toBe("Titolo di Bruno");
    await screenshot(anna, "sync-conflict");
    // The conflict card opens the row's history, to see who changed what before choosing.
    await conflict.getByRole("button", { name: "Cronologia" }).click();
    await expect.poll(() => anna.getByTestId("history").getAttribute("data-key")).toBe("DGH");
    expect(await anna.getByTestId("history-key").inputValue()).toBe("DGH");
    // Act: keep mine
    const resolved = await act(anna, "keep-mine");
    // Assess: the cloud holds Anna's title; Bruno's pull brings it into his sheet.
    expect(resolved.intent).toBe("success");
    // The result table no longer says Conflict for DGH: it says how it was resolved.
    const resultRow = anna.locator('[data-testid="push-results"] tr[data-key="DGH"]');
    expect(await resultRow.getAttribute("data-resolved")).toBe("mine");
    expect(await resultRow.getAttribute("data-status")).toBe("applied");
    const rows = await stack.store.getRows(PLAN, [{ entity: "project", key: "DGH" }]);
    expect(rows.get("project#DGH")?.values["title"]).toBe("Titolo di Anna");
    await pullAndApply(bruno);
    expect(await cellValue(bruno, "Progetti", TITLE)).toBe("Titolo di Anna");
  });

  it("take-cloud writes the other user's values into my sheet", async () => {
    // Prepare
    await editCell(bruno, "Progetti", TITLE, "Bruno di nuovo");
    expect((await act(bruno, "push")).intent).toBe("success");
    await editCell(anna, "Progetti", TITLE, "Anna di nuovo");
    expect((await act(anna, "push")).intent).toBe("warning");
    // Act
    const resolved = await act(anna, "take-cloud");
    // Assess
    expect(resolved.intent).toBe("success");
    const resultRow = anna.locator('[data-testid="push-results"] tr[data-key="DGH"]');
    expect(await resultRow.getAttribute("data-resolved")).toBe("cloud");
    expect(await resultRow.getAttribute("data-status")).not.toBe("conflict");
    expect(await cellValue(anna, "Progetti", TITLE)).toBe("Bruno di nuovo");
    expect(await anna.locator('[data-testid="conflict"]').count()).toBe(0);
    // Nothing left to push: the sheet now matches the cloud version it is based on.
    expect((await act(anna, "push")).text).toMatch(/Nessuna modifica da inviare/);
  });

  it("pull previews the incoming change and writes formula-like text as text", async () => {
    // Prepare
    const formulaLike = '=HYPERLINK("https://example.org";"x")';
    await editCell(bruno, "Progetti", TITLE, `'${formulaLike}`);
    expect((await act(bruno, "push")).intent).toBe("success");
    // Act
    await act(anna, "pull");
    // Assess: the preview names the field and both values, before anything is written.
    const item = anna.locator('[data-testid="pull-item"][data-key="DGH"]');
    await expect(item.locator('tr[data-field="title"]').textContent()).resolves.toContain(formulaLike);
    expect(await cellValue(anna, "Progetti", TITLE)).toBe("Bruno di nuovo");
    await screenshot(anna, "sync-pull-preview");
    await act(anna, "pull-apply");
    expect(await cellValue(anna, "Progetti", TITLE)).toBe(formulaLike);
    const formula = await anna.evaluate(
      (a1) => window.__preview?.fake.cell("Progetti", a1)?.formula ?? null,
      TITLE,
    );
    expect(formula).toBeNull();
  });

  it("restores an old version of a row as a new version, and a pull brings it back", async () => {
    // Prepare
    const original = bigDataPlan()[2]!.values[1]![header.indexOf("Titolo progetto")];
    await anna.getByTestId("history-key").fill("DGH");
    await act(anna, "history-show");
    const versions = await anna.locator('[data-testid="history"] tbody tr[data-version]').count();
    expect(versions).toBeGreaterThanOrEqual(5);
    // Act 1: restore asks for confirmation first; nothing happens until confirmed.
    await anna.locator('[data-testid="history"] tr[data-version="1"]').getByTestId("restore").click();
    await anna.getByTestId("restore-confirmation").waitFor();
    expect(await anna.locator('[data-testid="history"] tbody tr[data-version]').count()).toBe(versions);
    const done = Number(await anna.getByTestId("sync").getAttribute("data-done"));
    await anna.getByTestId("restore-confirm").click();
    await anna.waitForFunction(
      (n) => Number(document.querySelector('[data-testid="sync"]')?.getAttribute("data-done")) > n,
      done,
    );
    await expect.poll(() => anna.getByTestId("sync-message").getAttribute("data-intent")).toBe("success");
    await screenshot(anna, "sync-history");
    // Act 2: the pane offers to write the restored version into the sheet.
    const written = await act(anna, "restore-write");
    // Assess: the sheet shows the restored title, the cloud has one more version, nothing left to push.
    expect(written.intent).toBe("success");
    expect(await cellValue(anna, "Progetti", TITLE)).toBe(original);
    expect(await anna.locator('[data-testid="history"] tbody tr[data-version]').count()).toBe(versions + 1);
    expect((await act(anna, "push")).text).toMatch(/Nessuna modifica da inviare/);
  });

  it("shows the last nightly run with its errors linked to cells", async () => {
    // Prepare
    await stack.store.putRun(PLAN, {
      runId: "run-1",
      plan: PLAN,
      startedAt: "2026-11-22T02:30:00.000Z",
      finishedAt: "2026-11-22T02:31:00.000Z",
      files: [
        {
          file: "piano.xlsx",
          status: "applied",
          applied: 3,
          unchanged: 40,
          conflicts: 1,
          invalid: 1,
          errors: [{ message: "Esito non riconosciuto", sheet: "Progetti", cell: "Q5" }],
        },
      ],
    });
    // Act
    await anna.getByTestId("run-report").getByRole("button").click();
    await anna.getByTestId("run-report").getByText("Progetti!Q5").click();
    // Assess
    await expect.poll(() => anna.getByTestId("grid").getAttribute("data-selected")).toBe("Progetti!Q5");
    expect(await anna.getByTestId("run-report").textContent()).toMatch(
      /applicate 3, invariate 40, conflitti 1, non valide 1/,
    );
    await screenshot(anna, "sync-run-report");
  });

  it.each([
    ["signed out", { token: "" }, /accedi di nuovo/],
    ["offline", { api: "http://127.0.0.1:9" }, /Nessuna connessione al server/],
    ["refused (reader pushing)", { user: "carla" }, /permessi/],
  ] as const)("says clearly when %s", async (_name, extra, expected) => {
    // Prepare
    const user = "user" in extra ? extra.user : "anna";
    const page = await openAs(user, { token: tokens[user] ?? "", ...extra });
    if (user === "carla") await editCell(page, "Progetti", TITLE, "Carla prova");
    // Act
    const message = await act(page, "push");
    // Assess
    expect(message.intent).toBe("error");
    expect(message.text).toMatch(expected);
    await page.close();
  });

  it("pushes a large workbook in chunks with a progress indicator", async () => {
    // Prepare: another plan, a workbook whose rows need more than one push request.
    await stack.store.createPlan("piano-grande", "Piano grande", "anna");
    const page = await preview.open({
      seed: "large",
      projects: "700",
      lang: "it",
      api: stack.apiUrl,
      plan: "piano-grande",
      user: "anna",
      token: tokens["anna"] ?? "",
      tab: "sync",
    });
    await page.evaluate(() => {
      const seen: string[] = [];
      (window as unknown as { progressSeen: string[] }).progressSeen = seen;
      new MutationObserver(() => {
        const bar = document.querySelector('[data-testid="sync-progress"]');
        if (bar !== null) seen.push(`${bar.getAttribute("data-done")}/${bar.getAttribute("data-total")}`);
      }).observe(document.body, { subtree: true, childList: true, attributes: true });
    });
    // Act
    const message = await act(page, "push");
    // Assess
    expect(message.intent).toBe("success");
    const seen = await page.evaluate(() => (window as unknown as { progressSeen: string[] }).progressSeen);
    const steps = [...new Set(seen.filter((s) => /^\d+\/\d+$/.test(s)))];
    const total = Number(steps[0]?.split("/")[1]);
    expect(total).toBeGreaterThan(2000);
    expect(steps.some((s) => Number(s.split("/")[0]) > 0 && Number(s.split("/")[0]) < total)).toBe(true);
    expect((await stack.store.listRows("piano-grande")).length).toBe(total);
    await page.close();
  }, 120_000);

  it("shows that the browser is offline, and says so again when a push cannot reach the server", async () => {
    // Prepare
    const page = await openAs("anna");
    // Act
    await page.context().setOffline(true);
    // Assess
    await page.getByTestId("offline").waitFor();
    const message = await act(page, "push");
    expect(message.intent).toBe("error");
    expect(message.text).toMatch(/Nessuna connessione al server/);
    await page.context().setOffline(false);
    await page.getByTestId("offline").waitFor({ state: "detached" });
    await page.close();
  });

  it("renders the sync panel in English", async () => {
    const page = await openAs("anna", { lang: "en" });
    expect(await page.getByTestId("push").textContent()).toBe("Push changes");
    await expect.poll(() => page.getByTestId("auth-state").textContent()).toContain("Signed in as Anna");
    await screenshot(page, "sync-en");
    await page.close();
  });
});
