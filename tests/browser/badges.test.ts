/**
 * Status badges fit their pill at the task pane's narrowest width (320 px, Office's minimum task
 * pane width) in both languages: "Applicata", "Invariata", "Conflitto", "Non valida" never break
 * inside the pill. Real Chromium on the real PushResults component; the PNGs are saved under
 * tests/output/screenshots (badges-320-it.png, badges-320-en.png) to look at.
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

describe("status badges at the pane's narrowest width", () => {
  it.each([
    ["it", ["Conflitto", "Non valida", "Applicata", "Invariata"]],
    ["en", ["Conflict", "Invalid", "Applied", "Unchanged"]],
  ] as const)("keep every %s badge on one line inside its pill", async (lang, words) => {
    // Prepare
    const page = await browser!.newPage({ viewport: { width: PANE_MIN_WIDTH, height: 480 } });
    await page.goto(`${site!.url}/badges.html?lang=${lang}`);
    await page.getByTestId("ready").waitFor();
    // Act
    const badges = await page.locator('[data-testid="push-results"] td .fui-Badge').evaluateAll((els) =>
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
    await screenshot(page, `badges-${PANE_MIN_WIDTH}-${lang}`);
    await page.close();
    // Assess
    expect(badges.map((b) => b.text)).toEqual(words);
    for (const b of badges) {
      expect(b, b.text).toMatchObject({ lines: 1 });
      // A one-line pill is exactly as tall as Fluent's badge (its min-height), never taller.
      expect(b.height, b.text).toBeLessThanOrEqual(Math.max(b.minHeight, 20) + 0.5);
      expect(b.right, b.text).toBeLessThanOrEqual(PANE_MIN_WIDTH);
    }
  });
});
