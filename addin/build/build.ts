/**
 * The add-in build (`npm run build`): esbuild bundles into dist/
 *   functions.js    classic IIFE script for the custom-functions runtime (no React, no Fluent)
 *   functions.json  generated from the JSDoc tags (build fails on metadata errors)
 *   functions.it.json  the same with the Italian texts (manifest: it-IT override of the metadata URL)
 *   functions-help.html  what each function's helpUrl opens: every function in Italian and English
 *   taskpane.js     + chunks and taskpane.html (built by the task pane area's build-preview.ts)
 *   auth-dialog.*   the Office-dialog sign-in page (where nested app authentication is missing)
 *   assets/         icons
 * taskpane.html loads Office.js from Microsoft's CDN and, for the shared runtime, functions.js.
 * Gzip sizes are checked against the budgets of SPEC §11; exceeding one fails the build.
 */
import { build, type Metafile } from "esbuild";
import { copyFile, mkdir, readFile, readdir, writeFile } from "node:fs/promises";
import { basename, dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import { generateFunctionsMetadata } from "./metadata.ts";
import { italianFunctionsMetadata } from "./functions-italian.ts";
import { FUNCTIONS_HELP_PAGE, functionsHelpPage, withHelpUrls } from "./functions-help.ts";

const here = dirname(fileURLToPath(import.meta.url));
export const ROOT = resolve(here, "../..");
export const FUNCTIONS_ENTRY = resolve(here, "../functions/entry.ts");
export const OFFICE_JS_CDN = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";
/** The origin manifest.xml is written for: `npm start` serves dist/ there. */
export const DEV_ORIGIN = "https://localhost:3000";

/** Gzip budgets in bytes (SPEC §11). */
export const BUDGETS: Readonly<Record<string, number>> = {
  "functions.js": 60 * 1024,
  "taskpane.js": 300 * 1024,
};

export interface BundleSize {
  file: string;
  bytes: number;
  gzip: number;
  budget?: number;
}

export interface AddinBuild {
  outdir: string;
  sizes: BundleSize[];
  /** Source files bundled into functions.js (for the no-React check). */
  functionsInputs: string[];
  /** Source files the task pane loads before first render (taskpane.js and its static imports). */
  taskpaneFirstLoadInputs: string[];
}

export interface AddinBuildOptions {
  outdir?: string;
  minify?: boolean;
  /** Build the task pane too (default true); the functions alone build without it. */
  taskpane?: boolean;
  /** Build the preview page beside the task pane (default true; a release leaves it out). */
  preview?: boolean;
  /** Compile-time constants for every bundle (esbuild `define`), e.g. the release flag. */
  define?: Readonly<Record<string, string>>;
  /** The origin the files are served from, for the functions' `helpUrl` (default `DEV_ORIGIN`). */
  origin?: string;
}

/**
 * The constant that tells a bundle whether it may ask the local stack for dev tokens: `true` in
 * the normal build, `false` in a release, where esbuild then drops the dev-token code path.
 */
export const DEV_TOKENS_FLAG = "ACTIONPLAN_DEV_TOKENS";

/** functions.js: one classic script (IIFE), as the custom-functions runtime loads it. */
export async function buildFunctions(
  outdir: string,
  minify = true,
  define: Readonly<Record<string, string>> = {},
): Promise<Metafile> {
  const result = await build({
    entryPoints: { functions: FUNCTIONS_ENTRY },
    outdir,
    bundle: true,
    format: "iife",
    platform: "browser",
    target: "es2020",
    minify,
    sourcemap: false,
    metafile: true,
    legalComments: "none",
    logLevel: "silent",
    define: { ...define },
  });
  return result.metafile;
}

/**
 * The Office-dialog sign-in page (addin/auth/dialog/), used where nested app authentication is
 * missing: auth-dialog.html + auth-dialog.js (MSAL included; it loads only inside the dialog).
 */
export async function buildAuthDialog(
  outdir: string,
  minify: boolean,
  define: Readonly<Record<string, string>>,
): Promise<Metafile> {
  const result = await build({
    entryPoints: { "auth-dialog": resolve(here, "../auth/dialog/auth-dialog.ts") },
    outdir,
    bundle: true,
    format: "esm",
    platform: "browser",
    target: "es2022",
    minify,
    sourcemap: false,
    metafile: true,
    legalComments: "none",
    logLevel: "silent",
    define: { "process.env.NODE_ENV": '"production"', ...define },
  });
  await copyFile(resolve(here, "../auth/dialog/auth-dialog.html"), join(outdir, "auth-dialog.html"));
  return result.metafile;
}

/** The task pane bundle and page, built by the task pane area's script (kept in one place). */
async function buildTaskpane(
  outdir: string,
  minify: boolean,
  withPreview: boolean,
  define: Readonly<Record<string, string>>,
): Promise<Metafile> {
  const preview = (await import("#addin/preview/build-preview.ts")) as {
    buildTaskpaneAndPreview(
      outdir: string,
      options: { minify?: boolean; entries?: string[]; define?: Readonly<Record<string, string>> },
    ): Promise<{ metafile: Metafile }>;
  };
  const entries = withPreview ? ["taskpane", "preview"] : ["taskpane"];
  return (await preview.buildTaskpaneAndPreview(outdir, { minify, entries, define })).metafile;
}

/**
 * Makes sure the task pane page loads Office.js from the CDN (first, in the head) and
 * functions.js before the task pane script: in the shared runtime this page is the runtime.
 */
export function wireTaskpaneHtml(html: string): string {
  let out = html;
  if (!out.includes(OFFICE_JS_CDN))
    out = out.replace("</head>", `  <script src="${OFFICE_JS_CDN}"></script>\n  </head>`);
  if (!/<script[^>]+src="functions\.js"/.test(out)) {
    const tag = '<script src="functions.js"></script>';
    out = /<script[^>]+src="taskpane\.js"/.test(out)
      ? out.replace(/(\s*)(<script[^>]+src="taskpane\.js")/, `$1${tag}$1$2`)
      : out.replace("</body>", `  ${tag}\n  </body>`);
  }
  return out;
}

/** An output and the chunks it imports statically (lazy chunks are not part of the first load). */
function staticClosure(metafile: Metafile, output: string): string[] {
  const seen = new Set<string>();
  const visit = (o: string): void => {
    if (seen.has(o)) return;
    seen.add(o);
    for (const imp of metafile.outputs[o]?.imports ?? [])
      if (imp.kind === "import-statement" && !imp.external) visit(imp.path);
  };
  visit(output);
  return [...seen];
}

async function sizeOf(files: string[], name: string): Promise<BundleSize> {
  let bytes = 0;
  let gzip = 0;
  for (const f of files) {
    const buf = await readFile(resolve(ROOT, f));
    bytes += buf.length;
    gzip += gzipSync(buf, { level: 9 }).length;
  }
  const size: BundleSize = { file: name, bytes, gzip };
  const budget = BUDGETS[name];
  if (budget !== undefined) size.budget = budget;
  return size;
}

/** Builds everything into `outdir` (default dist/) and checks the size budgets. */
export async function buildAddin(options: AddinBuildOptions = {}): Promise<AddinBuild> {
  const outdir = resolve(options.outdir ?? join(ROOT, "dist"));
  const minify = options.minify ?? true;
  const define = { [DEV_TOKENS_FLAG]: "true", ...options.define };
  await mkdir(join(outdir, "assets"), { recursive: true });

  const [metadata, functionsMeta] = await Promise.all([
    generateFunctionsMetadata(),
    buildFunctions(outdir, minify, define),
  ]);
  const origin = options.origin ?? DEV_ORIGIN;
  await writeFile(join(outdir, "functions.json"), withHelpUrls(metadata, origin, "en"));
  await writeFile(join(outdir, "functions.it.json"), withHelpUrls(italianFunctionsMetadata(metadata), origin, "it"));
  await writeFile(join(outdir, FUNCTIONS_HELP_PAGE), functionsHelpPage(metadata));
  const functionsOut = Object.keys(functionsMeta.outputs).find((o) => basename(o) === "functions.js");
  const sizes: BundleSize[] = [await sizeOf(functionsOut ? [functionsOut] : [], "functions.js")];

  let taskpaneFirstLoadInputs: string[] = [];
  if (options.taskpane ?? true) {
    const [meta] = await Promise.all([
      buildTaskpane(outdir, minify, options.preview ?? true, define),
      buildAuthDialog(outdir, minify, define),
    ]);
    const entry = Object.keys(meta.outputs).find((o) => basename(o) === "taskpane.js");
    const firstLoad = entry ? staticClosure(meta, entry) : [];
    taskpaneFirstLoadInputs = firstLoad.flatMap((o) => Object.keys(meta.outputs[o]?.inputs ?? {}));
    sizes.push(await sizeOf(firstLoad, "taskpane.js"));
    const page = join(outdir, "taskpane.html");
    await writeFile(page, wireTaskpaneHtml(await readFile(page, "utf8")));
  }

  const assets = resolve(here, "../assets");
  for (const f of await readdir(assets))
    if (f.endsWith(".png")) await copyFile(join(assets, f), join(outdir, "assets", f));

  const over = sizes.filter((s) => s.budget !== undefined && s.gzip > s.budget);
  if (over.length > 0)
    throw new Error(
      `Bundle over budget: ${over.map((s) => `${s.file} ${String(s.gzip)} B gzip > ${String(s.budget)} B`).join("; ")}`,
    );
  return { outdir, sizes, functionsInputs: Object.keys(functionsMeta.inputs), taskpaneFirstLoadInputs };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  buildAddin()
    .then(({ outdir, sizes }) => {
      console.log(`Built ${outdir}`);
      console.table(
        sizes.map((s) => ({
          file: s.file,
          KB: (s.bytes / 1024).toFixed(1),
          "KB gzip": (s.gzip / 1024).toFixed(1),
          "budget KB gzip": s.budget === undefined ? "" : (s.budget / 1024).toFixed(0),
        })),
      );
    })
    .catch((error: unknown) => {
      console.error(error instanceof Error ? error.message : String(error));
      process.exitCode = 1;
    });
}
