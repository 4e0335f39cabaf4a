import { mkdirSync, rmSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL, fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { build } from "esbuild";
import { readWorkbookBuffer } from "#xlsx/read-workbook.ts";
import { EXCELJS_READ_ONLY_STUBS, stubAliases } from "#infra/bundling/stubs.ts";
import { SEED_FIXTURES } from "#samples/seed-workbook.ts";
import { xlsxBuffer } from "#samples/write-xlsx.ts";

const root = fileURLToPath(new URL("../../", import.meta.url));
const outdir = join(root, ".cache", "bundle-stubs-test", String(process.pid));
afterAll(() => rmSync(outdir, { recursive: true, force: true }));

describe("ExcelJS with its unused writers stubbed out (nightly bundle)", () => {
  it.each(Object.keys(SEED_FIXTURES))("reads the %s workbook exactly as the unbundled reader does", async (name) => {
    // Prepare: the reader bundled the way the nightly Lambda is (ESM, require shim, stubs)
    mkdirSync(outdir, { recursive: true });
    const outfile = join(outdir, `reader-${name}.mjs`);
    await build({
      entryPoints: [join(root, "cli/read-xlsx.ts")],
      bundle: true,
      platform: "node",
      format: "esm",
      target: "node22",
      minify: true,
      mainFields: ["module", "main"],
      banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
      alias: stubAliases(EXCELJS_READ_ONLY_STUBS),
      outfile,
      logLevel: "error",
    });
    const bundled = (await import(pathToFileURL(outfile).href)) as { readWorkbookBuffer: typeof readWorkbookBuffer };
    const make = SEED_FIXTURES[name];
    if (!make) throw new Error(name);
    const bytes = await xlsxBuffer(make());
    // Act
    const viaBundle = await bundled.readWorkbookBuffer(bytes, `${name}.xlsx`);
    // Assess
    expect(viaBundle).toEqual(await readWorkbookBuffer(bytes, `${name}.xlsx`));
    expect(viaBundle.sheets.length).toBeGreaterThan(0);
  });
});
