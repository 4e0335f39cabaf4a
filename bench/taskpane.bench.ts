/**
 * Task pane figures, in real Chromium over the in-memory Excel host (the preview page):
 * - Validate click → rendered results for a 10 000-project / 40 000-budget-row workbook
 *   (read through the Excel adapter, core analysis, React render, highlighting queued);
 * - first render of the page (grid + task pane) after navigation, on the seed plan;
 * - the task pane bundle's gzip size at first load (taskpane.js and its static imports; ≤ 300 KB),
 *   and the lazily loaded chunks (sync protocol, MSAL) for context.
 * Times are medians of RUNS runs after one warm-up.
 */
import { readFile } from "node:fs/promises";
import { basename, join } from "node:path";
import { gzipSync } from "node:zlib";
import type { Metafile } from "esbuild";
import type { Page } from "playwright-core";
import { buildTaskpaneAndPreview } from "#addin/preview/build-preview.ts";
import { launchChromium, serveStatic } from "#tests/browser/harness.ts";
import type { BenchFigure } from "./figure.ts";
import { median, round } from "./figure.ts";

const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const PROJECTS = Number(process.env.BENCH_PROJECTS ?? 10_000);
const BUDGET_KB = 300;

/** Clicks Validate inside the page and resolves with ms until the new result is in the DOM and painted. */
function validateOnce(page: Page): Promise<number> {
  return page.evaluate(
    () =>
      new Promise<number>((resolve) => {
        const prev =
          document.querySelector('[data-testid="validate-result"]')?.getAttribute("data-run") ?? null;
        const button = document.querySelector<HTMLButtonElement>('[data-testid="validate-run"]');
        const t0 = performance.now();
        const observer = new MutationObserver(() => {
          const el = document.querySelector('[data-testid="validate-result"]');
          if (el === null || el.getAttribute("data-run") === prev) return;
          observer.disconnect();
          requestAnimationFrame(() => resolve(performance.now() - t0));
        });
        observer.observe(document.body, { subtree: true, childList: true, attributes: true });
        button?.click();
      }),
  );
}

/** gzip bytes of an output and everything it imports statically (what the first load fetches). */
async function firstLoadGzip(
  metafile: Metafile,
  entryName: string,
): Promise<{ first: number; lazy: number }> {
  const entry = Object.keys(metafile.outputs).find((o) => basename(o) === entryName);
  if (entry === undefined) throw new Error(`no ${entryName} in the build`);
  const seen = new Set<string>();
  const lazy = new Set<string>();
  const visit = (o: string): void => {
    if (seen.has(o)) return;
    seen.add(o);
    for (const imp of metafile.outputs[o]?.imports ?? []) {
      if (imp.external) continue;
      if (imp.kind === "import-statement") visit(imp.path);
      else lazy.add(imp.path);
    }
  };
  visit(entry);
  const gz = async (files: Iterable<string>) => {
    let n = 0;
    for (const f of files) n += gzipSync(await readFile(f), { level: 9 }).length;
    return n;
  };
  return { first: await gz(seen), lazy: await gz([...lazy].filter((f) => !seen.has(f))) };
}

export async function run(): Promise<BenchFigure[]> {
  const { mkdtemp } = await import("node:fs/promises");
  const { tmpdir } = await import("node:os");
  const dir = await mkdtemp(join(tmpdir(), "actionplan-bench-taskpane-"));
  const { metafile } = await buildTaskpaneAndPreview(dir, { minify: true });
  const site = await serveStatic(dir);
  const browser = await launchChromium();
  try {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });

    const renders: number[] = [];
    for (let i = 0; i <= RUNS; i++) {
      await page.goto(`${site.url}/preview.html?seed=big-data&lang=it&today=2026-01-01`);
      await page.waitForFunction(() => window.__preview?.firstRenderMs !== undefined);
      const ms = await page.evaluate(() => window.__preview?.firstRenderMs ?? 0);
      if (i > 0) renders.push(ms);
    }

    await page.goto(`${site.url}/preview.html?seed=large&projects=${PROJECTS}&lang=it&today=2026-01-01`);
    await page.getByTestId("validate-run").waitFor({ timeout: 60_000 });
    const validates: number[] = [];
    for (let i = 0; i <= RUNS; i++) {
      const ms = await validateOnce(page);
      if (i > 0) validates.push(ms);
    }
    const issues = Number(await page.getByTestId("issue-counts").getAttribute("data-errors"));

    const size = await firstLoadGzip(metafile, "taskpane.js");
    const kb = size.first / 1024;
    return [
      {
        figure: `task pane: Validate click → results rendered (${PROJECTS.toLocaleString("en-US")} projects, fake host, Chromium; ${issues} errors listed)`,
        value: round(median(validates)),
        unit: "ms",
      },
      {
        figure: "task pane: first render after navigation (preview page, seed plan)",
        value: round(median(renders)),
        unit: "ms",
      },
      {
        figure: "task pane bundle gzip, first load (taskpane.js + static imports)",
        value: round(kb),
        unit: "KB",
        target: `≤ ${BUDGET_KB} KB`,
        pass: kb <= BUDGET_KB,
      },
      {
        figure: "task pane lazy chunks gzip (sync protocol + MSAL, loaded on first use)",
        value: round(size.lazy / 1024),
        unit: "KB",
      },
    ];
  } finally {
    await browser.close();
    await site.stop();
  }
}
