/**
 * Status badges fit their pill at the task pane's narrowest width (320 px, Office's minimum task
 * pane width) in both languages: "Applicata", "Invariata", "Conflitto", "Non valida" never break
 * inside the pill, nor do the pull preview's ("eliminata nel cloud", "mai sincronizzata qui").
 * Real Chromium on the real PushResults and PullPreviewView components; the PNGs are saved under
 * tests/output/screenshots (badges-320-*.png, pull-badges-320-*.png) to look at.
 */
import { mkdtemp, writeFile } from "node:fs/promises";
import { join, resolve } from "node:path";
import { tmpdir } from "node:os";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { build } from "esbuild";
import type { Browser } from "playwright-core";
import { launchChromium, screenshot, serveStatic } from "./harness.ts";
import type { StaticServer } from "./harness.ts";

const PANE_MIN_WIDTH = 320;
let browser: Browser | undefined;
let site: StaticServer | undefined;

beforeAll(async () => {
  const dir = await mkdtemp(join(tmpdir(), "actionplan-badges-"));
  const [b] = await Promise.all([
    launchChromium(),
    build({
      entryPoints: { badges: resolve(import.meta.dirname, "pages/badges.tsx") },
      bundle: true,
      format: "esm",
      platform: "browser",
      jsx: "automatic",
      minify: true,
      outdir: dir,
      logLevel: "silent",
      define: { "process.env.NODE_ENV": '"production"' },
    }),
    writeFile(
      join(dir, "badges.html"),
      '<!doctype html><html><head><meta charset="utf-8"></head><body style="margin:0"><div id="root"></div><script type="module" src="badges.js"></script></body></html>',
    ),
  ]);
  browser = b;
  site = await serveStatic(dir);
});

afterAll(async () => {
  await browser?.close();
  await site?.stop();
});

interface BadgeBox {
  text: string;
  lines: number;
  height: number;
  minHeight: number;
  right: number;
}

/** Opens the page at 320 px in `lang`, measures the badges under `selector`, saves a screenshot. */
async function measureBadges(lang: "it" | "en", selector: string, shot: string): Promise<BadgeBox[] & { pageWidth?: number }> {
  const page = await browser!.newPage({ viewport: { width: PANE_MIN_WIDTH, height: 900 } });
  await page.goto(`${site!.url}/badges.html?lang=${lang}`);
  await page.getByTestId("ready").waitFor();
  const badges = await page.locator(selector).evaluateAll((els) =>
    els.map((el) => {
      const range = document.createRange();
      range.selectNodeContents(el);
      const lines = new Set([...range.getClientRects()].map((r) => Math.round(r.top)));
      const box = el.getBoundingClientRect();
      const style = getComputedStyle(el);
      return {
        text: el.textContent ?? "",
        lines: lines.size,
        height: box.height,
        minHeight: parseFloat(style.minHeight) || 0,
        right: box.right,
      };
    }),
  );
  // The widest thing on the page: a table pushed wider than the pane hides its last column.
  const pageWidth = await page.evaluate(() => document.documentElement.scrollWidth);
  await screenshot(page, shot);
  await page.close();
  return Object.assign(badges, { pageWidth });
}

/** One line, exactly as tall as Fluent's badge (its min-height), inside the pane. */
function expectOneLinePills(badges: readonly BadgeBox[]): void {
  for (const b of badges) {
    expect(b, b.text).toMatchObject({ lines: 1 });
    expect(b.height, b.text).toBeLessThanOrEqual(Math.max(b.minHeight, 20) + 0.5);
    expect(b.right, b.text).toBeLessThanOrEqual(PANE_MIN_WIDTH);
  }
}

describe("status badges at the pane's narrowest width", () => {
  it.each([
    ["it", ["Conflitto", "Non valida", "Applicata", "Inviata la tua", "Presa dal cloud", "Invariata"]],
    ["en", ["Conflict", "Invalid", "Applied", "Yours pushed", "Cloud's taken", "Unchanged"]],
  ] as const)("keep every %s badge on one line inside its pill", async (lang, words) => {
    // Act
    const badges = await measureBadges(
      lang,
      '[data-testid="push-results"] td .fui-Badge',
      `badges-${PANE_MIN_WIDTH}-${lang}`,
    );
    // Assess
    expect(badges.map((b) => b.text)).toEqual(words);
    expectOneLinePills(badges);
    expect(badges.pageWidth, "the result table fits the pane").toBeLessThanOrEqual(PANE_MIN_WIDTH);
  });
});

describe("pull-preview badges at the pane's narrowest width", () => {
  it.each([
    ["it", ["nuova riga", "eliminata nel cloud", "mai sincronizzata qui", "modificata nel file"]],
    ["en", ["new row", "deleted in the cloud", "never synced here", "edited in the file"]],
  ] as const)("keep every %s badge on one line inside its pill", async (lang, words) => {
    // Act
    const badges = await measureBadges(
      lang,
      '[data-testid="pull-item"] .fui-Badge',
      `pull-badges-${PANE_MIN_WIDTH}-${lang}`,
    );
    // Assess
    expect(badges.map((b) => b.text)).toEqual(words);
    expectOneLinePills(badges);
  });
});
