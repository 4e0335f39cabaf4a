/**
 * What a staff member does in the task pane of the preview page, shared by the browser tests and
 * the stories: open the pane on a plan of the local stack as a user, run a sync action and wait
 * for it, pull and apply, open a tab. (Cells are read and edited with harness.ts.)
 */
import type { Page } from "playwright-core";
import { columnLetter } from "#core/values/index.ts";
import type { PreviewSite } from "./harness.ts";

/** Opens the pane on the Sync tab of `plan` at `api` as `user` (Italian, the big-data seed unless told). */
export function openPane(
  preview: PreviewSite,
  options: { api: string; plan: string; user: string; token: string; seed?: string; lang?: string; tab?: string },
  extra: Record<string, string> = {},
): Promise<Page> {
  return preview.open({
    seed: options.seed ?? "big-data",
    lang: options.lang ?? "it",
    api: options.api,
    plan: options.plan,
    user: options.user,
    token: options.token,
    tab: options.tab ?? "sync",
    ...extra,
  });
}

/** Clicks a sync action, waits until it has finished, and returns the message shown. */
export async function act(page: Page, testId: string): Promise<{ intent: string | null; text: string }> {
  const before = Number(await page.getByTestId("sync").getAttribute("data-done"));
  await page.getByTestId(testId).click();
  await page.waitForFunction(
    (n) => Number(document.querySelector('[data-testid="sync"]')?.getAttribute("data-done")) > n,
    before,
    { timeout: 30_000 },
  );
  const message = page.getByTestId("sync-message");
  if ((await message.count()) === 0) return { intent: null, text: "" };
  return { intent: await message.getAttribute("data-intent"), text: (await message.textContent()) ?? "" };
}

/** Pull, look at the preview, apply; returns how many rows the preview listed. */
export async function pullAndApply(page: Page): Promise<number> {
  await act(page, "pull");
  const count = Number(await page.getByTestId("pull-preview").getAttribute("data-count"));
  await act(page, "pull-apply");
  return count;
}

/** Opens a task pane tab by its visible name. */
export async function openTab(page: Page, name: string): Promise<void> {
  await page.getByTestId("taskpane").getByRole("tab", { name, exact: true }).click();
}

/** The statuses of the push result table's rows, in order. */
export function pushStatuses(page: Page): Promise<(string | null)[]> {
  return page
    .locator('[data-testid="push-results"] tbody tr')
    .evaluateAll((rows) => rows.map((r) => r.getAttribute("data-status")));
}

/**
 * Puts a saved file's sheet values into the page's workbook, as opening that file would (used
 * for the very hidden sync sheet of a file written elsewhere). Text is entered quote-prefixed so
 * it stays text, empty cells are left as they are.
 */
export async function loadSheetValues(page: Page, sheet: string, values: readonly (readonly unknown[])[]): Promise<void> {
  const cells: [string, string | number | boolean][] = [];
  values.forEach((row, r) =>
    row.forEach((v, c) => {
      if (v === null || v === undefined || v === "") return;
      const a1 = `${columnLetter(c + 1)}${r + 1}`;
      cells.push([a1, typeof v === "string" ? `'${v}` : (v as number | boolean)]);
    }),
  );
  await page.evaluate(
    async ([name, list]) => {
      for (const [a1, v] of list) await window.__preview?.edit(name, a1, v);
    },
    [sheet, cells] as const,
  );
}
