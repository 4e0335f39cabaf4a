/**
 * Builds the task pane and the preview page with esbuild (browser, ESM, minified) into `outdir`:
 * `taskpane.html` + `taskpane.js`, `preview.html` + `preview.js`, and lazily loaded chunks (MSAL).
 * Used by the browser tests and the bench; the add-in's build script builds the same entries.
 */
import { build } from "esbuild";
import type { Metafile } from "esbuild";
import { copyFile, mkdir } from "node:fs/promises";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));

/** The entry points this area contributes to the add-in build (name → source). */
export const TASKPANE_ENTRIES: Record<string, string> = {
  taskpane: resolve(here, "../taskpane/index.tsx"),
  preview: resolve(here, "preview.tsx"),
};

/** HTML pages copied beside the bundles. */
export const TASKPANE_PAGES: Record<string, string> = {
  "taskpane.html": resolve(here, "../taskpane/taskpane.html"),
  "preview.html": resolve(here, "preview.html"),
};

export interface BuildResult {
  outdir: string;
  metafile: Metafile;
}

/**
 * Builds each entry on its own (the task pane must not share chunks with the preview page, so its
 * size is its own); returns the merged metafile.
 */
export async function buildTaskpaneAndPreview(
  outdir: string,
  options: { minify?: boolean; entries?: string[]; define?: Readonly<Record<string, string>> } = {},
): Promise<BuildResult> {
  await mkdir(outdir, { recursive: true });
  const metafile: Metafile = { inputs: {}, outputs: {} };
  const names = options.entries ?? Object.keys(TASKPANE_ENTRIES);
  await Promise.all(
    names.map(async (name) => {
      const m = await buildEntry(name, outdir, options.minify ?? true, options.define ?? {});
      Object.assign(metafile.inputs, m.inputs);
      Object.assign(metafile.outputs, m.outputs);
    }),
  );
  for (const [name, source] of Object.entries(TASKPANE_PAGES)) await copyFile(source, join(outdir, name));
  return { outdir, metafile };
}

async function buildEntry(
  name: string,
  outdir: string,
  minify: boolean,
  define: Readonly<Record<string, string>>,
): Promise<Metafile> {
  const source = TASKPANE_ENTRIES[name];
  if (source === undefined) throw new Error(`unknown entry ${name}`);
  const result = await build({
    entryPoints: { [name]: source },
    outdir,
    bundle: true,
    splitting: true,
    format: "esm",
    platform: "browser",
    target: "es2022",
    jsx: "automatic",
    minify,
    sourcemap: false,
    metafile: true,
    legalComments: "none",
    chunkNames: `chunks/${name}-[name]-[hash]`,
    // ACTIONPLAN_DEV_TOKENS: true unless a release build says otherwise (see addin/build/build.ts).
    define: { "process.env.NODE_ENV": '"production"', ACTIONPLAN_DEV_TOKENS: "true", ...define },
    logLevel: "silent",
  });
  return result.metafile;
}
