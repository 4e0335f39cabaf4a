/**
 * The nightly Lambda as the CDK stack bundles it (ESM, minified, node22, require shim, the AWS SDK
 * inside: `bundleAwsSDK`): under 1 MB with no stubs and no ExcelJS, and its workbook reader reads
 * the seed workbooks exactly as the unbundled reader does.
 */
import { mkdirSync, rmSync, statSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL, fileURLToPath } from "node:url";
import { build } from "esbuild";
import type { BuildOptions } from "esbuild";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readWorkbookBuffer } from "#xlsx/read-workbook.ts";
import { SEED_FIXTURES } from "#samples/seed-workbook.ts";
import { xlsxBuffer } from "#samples/write-xlsx.ts";

const root = fileURLToPath(new URL("../../", import.meta.url));
const outdir = join(root, ".cache", "nightly-bundle-test", String(process.pid));
const SHIM = "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);";
const common: BuildOptions = {
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node22",
  minify: true,
  mainFields: ["module", "main"],
  banner: { js: SHIM },
  logLevel: "error",
  metafile: true,
};

let handlerBytes = 0;
let handlerInputs: string[] = [];
let bundled: { readWorkbookBuffer: typeof readWorkbookBuffer };

beforeAll(async () => {
  mkdirSync(outdir, { recursive: true });
  const handler = await build({
    ...common,
    entryPoints: [join(root, "functions/nightly/handler.ts")],
    outfile: join(outdir, "handler.mjs"),
  });
  handlerBytes = statSync(join(outdir, "handler.mjs")).size;
  handlerInputs = Object.keys(handler.metafile?.inputs ?? {});
  await build({ ...common, entryPoints: [join(root, "xlsx/read-workbook.ts")], outfile: join(outdir, "reader.mjs") });
  bundled = (await import(pathToFileURL(join(outdir, "reader.mjs")).href)) as typeof bundled;
}, 60_000);
afterAll(() => rmSync(outdir, { recursive: true, force: true }));

describe("the nightly bundle", () => {
  it("stays under 1 MB minified (SPEC §11) without ExcelJS or any stub", () => {
    expect(handlerBytes).toBeGreaterThan(10_000);
    expect(handlerBytes).toBeLessThanOrEqual(1_048_576);
    expect(handlerInputs.filter((p) => p.includes("node_modules/exceljs") || p.includes("empty-module"))).toEqual([]);
    expect(handlerInputs).toContain("xlsx/read-workbook.ts");
    expect(handlerInputs.some((p) => p.includes("node_modules/@aws-sdk/client-dynamodb/"))).toBe(true);
  });

  it.each(Object.keys(SEED_FIXTURES))("reads the %s workbook exactly as the unbundled reader does", async (name) => {
    // Prepare
    const bytes = await xlsxBuffer(SEED_FIXTURES[name]?.() ?? []);
    // Act
    const viaBundle = await bundled.readWorkbookBuffer(bytes, `${name}.xlsx`);
    // Assess
    expect(viaBundle.sheets.length).toBeGreaterThan(0);
    expect(viaBundle).toEqual(await readWorkbookBuffer(bytes, `${name}.xlsx`));
  });
});
