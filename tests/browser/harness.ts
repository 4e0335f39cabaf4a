/**
 * Browser test harness: builds the task pane + preview page once per file, serves them from a
 * tiny static server on loopback, and drives one shared headless Chromium.
 */
import { mkdir, mkdtemp } from "node:fs/promises";
import { join, resolve } from "node:path";
import { tmpdir } from "node:os";
import { afterAll, beforeAll } from "vitest";
import { chromium } from "playwright-core";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { buildTaskpaneAndPreview } from "#addin/preview/build-preview.ts";

import { serveStatic } from "#addin/preview/static-server.ts";
import type { StaticServer } from "#addin/preview/static-server.ts";

export { serveStatic };
export type { StaticServer };

export const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--no-first-run",
];
export const SCREENSHOTS = resolve(import.meta.dirname, "../output/screenshots");

/** Builds the pages into a fresh temporary directory (parallel test files never share one). */
export async function buildPages(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), "actionplan-preview-"));
  await buildTaskpaneAndPreview(dir, { minify: true });
  return dir;
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: "/usr/bin/chromium", args: CHROMIUM_ARGS });
}

/** Opens the preview with query parameters and waits until the task pane is on screen. */
export async function openPreview(
  browser: Browser | BrowserContext,
  base: string,
  params: Record<string, string>,
): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(e.message));
  await page.goto(`${base}/preview.html?${new URLSearchParams(params).toString()}`);
  await page
    .getByTestId("taskpane")
    .waitFor({ timeout: 20_000 })
    .catch((e: unknown) => {
      throw new Error(`task pane did not render: ${errors.join("; ") || String(e)}`);
    });
  return page;
}

/** The built pages on loopback and one Chromium, shared by the tests of one file. */
export interface PreviewSite {
  /** The static server's base address (started in `beforeAll`). */
  readonly url: string;
  /** Opens the preview with query parameters and waits until the task pane is on screen. */
  open(params: Record<string, string>): Promise<Page>;
  /**
   * Opens one workbook as coauthors (issue #18): one page per person, each with its own task
   * pane and its own session of the same seed workbook, in one browser profile so their changes
   * travel between the pages (BroadcastChannel), `delay` ms late. Close the pages' context when done.
   */
  openCoauthors(people: readonly Record<string, string>[], delayMs?: number): Promise<Page[]>;
}

/**
 * Registers the `beforeAll` that builds the pages, serves them and launches Chromium, and the
 * `afterAll` that closes both. Call once at the top of a test file; hooks the file registers later
 * run after this one's `beforeAll`, so they may use `url`.
 */
export function usePreviewSite(): PreviewSite {
  let browser: Browser | undefined;
  let site: StaticServer | undefined;
  beforeAll(async () => {
    const [dir, b] = await Promise.all([buildPages(), launchChromium()]);
    browser = b;
    site = await serveStatic(dir);
  });
  afterAll(async () => {
    await browser?.close();
    await site?.stop();
  });
  const started = (): { browser: Browser; site: StaticServer } => {
    if (!browser || !site)
      throw new Error("the preview site is not started (call usePreviewSite at file level)");
    return { browser, site };
  };
  return {
    get url() {
      return started().site.url;
    },
    open(params) {
      const { browser: b, site: s } = started();
      return openPreview(b, s.url, params);
    },
    async openCoauthors(people, delayMs = 200) {
      const { browser: b, site: s } = started();
      const context = await b.newContext();
      const pages: Page[] = [];
      // One after the other: each session starts from the seed before anyone writes.
      for (const [i, params] of people.entries())
        pages.push(
          await openPreview(context, s.url, { coauthor: params["user"] ?? `author${String(i)}`, delay: String(delayMs), ...params }),
        );
      return pages;
    },
  };
}

/** A cell's value in the page's in-memory workbook. */
export function cellValue(page: Page, sheet: string, a1: string): Promise<unknown> {
  return page.evaluate(([s, a]) => window.__preview?.value(s as string, a as string) ?? null, [sheet, a1]);
}

/** Plays the user typing into a cell of the page's workbook. */
export async function editCell(
  page: Page,
  sheet: string,
  a1: string,
  value: string | number | null,
): Promise<void> {
  await page.evaluate(
    ([s, a, v]) => window.__preview?.edit(s as string, a as string, v as string | number | null),
    [sheet, a1, value] as const,
  );
}

export async function screenshot(page: Page, name: string): Promise<void> {
  await mkdir(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: false });
}
