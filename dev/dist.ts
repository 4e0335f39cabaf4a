/**
 * Keeps `dist/` current for `npm start`: the add-in build (task pane, functions.js/json, assets)
 * plus the preview page, rebuilt when any source the bundles read is newer than the output.
 */
import { existsSync, readdirSync, statSync } from "node:fs";
import { join, resolve } from "node:path";
import { buildAddin, ROOT } from "#addin/build/build.ts";
import { buildTaskpaneAndPreview } from "#addin/preview/build-preview.ts";

/** Folders and files whose changes the bundles see (the preview page bundles the in-memory host and the samples). */
const SOURCES = ["addin", "core", "samples", "package.json"];
/** Outputs that must all exist for dist/ to be usable. */
const OUTPUTS = ["taskpane.html", "taskpane.js", "preview.html", "preview.js", "functions.js", "functions.json"];

function newestMtime(path: string): number {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = 0;
  for (const entry of readdirSync(path, { withFileTypes: true })) {
    if (entry.name === "node_modules" || entry.name.startsWith(".")) continue;
    newest = Math.max(newest, newestMtime(join(path, entry.name)));
  }
  return newest;
}

/** Why `outdir` needs a build: an output missing, or sources newer than the outputs. */
export type StaleReason = { missing: string } | { changed: true };

/** What `ensureDist` did, for the ready block (which says it in the person's language). */
export type BuildOutcome = { built: false } | { built: true; dir: string; reason: StaleReason; seconds: number };

/** Why `outdir` needs a build, or undefined when it is current. */
export function staleReason(outdir: string): StaleReason | undefined {
  const missing = OUTPUTS.find((f) => !existsSync(join(outdir, f)));
  if (missing) return { missing };
  const built = Math.min(...OUTPUTS.map((f) => statSync(join(outdir, f)).mtimeMs));
  const source = Math.max(...SOURCES.map((s) => newestMtime(resolve(ROOT, s))));
  return source > built ? { changed: true } : undefined;
}

/** Builds `outdir` when stale; returns what was done, for the start-up log. */
export async function ensureDist(outdir: string): Promise<BuildOutcome> {
  const reason = staleReason(outdir);
  if (reason === undefined) return { built: false };
  const started = Date.now();
  // Preview first: its page copy also copies taskpane.html, which buildAddin then wires for Office.
  await buildTaskpaneAndPreview(outdir, { entries: ["preview"] });
  await buildAddin({ outdir });
  return { built: true, dir: outdir, reason, seconds: (Date.now() - started) / 1000 };
}
