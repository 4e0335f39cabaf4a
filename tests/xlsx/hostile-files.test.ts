/**
 * Hostile and foreign files (the nightly job reads whatever is saved in SharePoint): each is
 * refused with its own reason, and the CLI prints one line for it. The heavy ones (zip bomb,
 * billion laughs, a million cells, an entry lying about its size) are read in a child process
 * with a capped heap, which must answer with the reason rather than run out of memory or hang.
 */
import { execFile } from "node:child_process";
import { once } from "node:events";
import { mkdirSync, rmSync } from "node:fs";
import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { promisify } from "node:util";
import { createDeflateRaw } from "node:zlib";
import { build } from "esbuild";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readWorkbookBuffer } from "#xlsx/read-workbook.ts";
import { UnreadableWorkbookError } from "#xlsx/errors.ts";
import type { ReaderLimits } from "#xlsx/limits.ts";
import { hasStackFrame, outputDir, REPO_ROOT, runCli } from "../cli/helpers.ts";
import { buildZip, rebuildWorkbook } from "./support/zip-builder.ts";

const SHEET = "xl/worksheets/sheet1.xml";
const MAIN_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const HEAP_MB = 160;
const RSS_CAP_MB = 400;

let base: Buffer;
let dir = "";
const bundleDir = join(REPO_ROOT, ".cache", "hostile-files-test", String(process.pid));

/** A sheet part around the given sheetData content. */
function sheetXml(rows: string, prolog = ""): string {
  return `<?xml version="1.0" encoding="UTF-8"?>${prolog}<worksheet xmlns="${MAIN_NS}"><sheetData>${rows}</sheetData></worksheet>`;
}

/** `bytes` zero bytes, deflated as a stream (never held whole in memory). */
async function deflatedZeros(bytes: number): Promise<Buffer> {
  const z = createDeflateRaw({ level: 9 });
  const chunks: Buffer[] = [];
  z.on("data", (c: Buffer) => chunks.push(c));
  const block = Buffer.alloc(16 * 1024 * 1024);
  for (let done = 0; done < bytes; done += block.length) if (!z.write(block)) await once(z, "drain");
  z.end();
  await once(z, "end");
  return Buffer.concat(chunks);
}

/** A sheet of `rows` × `cols` numeric cells. */
function bigSheet(rows: number, cols: number): string {
  const letters: string[] = [];
  for (let c = 1; c <= cols; c++) {
    let s = "";
    for (let n = c; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
    letters.push(s);
  }
  const parts: string[] = [];
  for (let r = 1; r <= rows; r++) {
    let row = `<row r="${r}">`;
    for (const l of letters) row += `<c r="${l}${r}"><v>1</v></c>`;
    parts.push(`${row}</row>`);
  }
  return sheetXml(parts.join(""));
}

const LAUGHS =
  '<!DOCTYPE worksheet [<!ENTITY lol "lol">' +
  Array.from({ length: 9 }, (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i === 0 ? "" : i};`.repeat(10)}">`).join("") +
  "]>";

beforeAll(async () => {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Progetti");
  ws.addRow(["Codice", "Titolo"]);
  ws.addRow(["DGH", "DigitalGreenHealth"]);
  base = Buffer.from((await wb.xlsx.writeBuffer()) as ArrayBuffer);
  dir = await outputDir("xlsx-hostile");
  const files: Record<string, Buffer> = {
    "bomb.xlsx": rebuildWorkbook(base, { [SHEET]: { name: SHEET, deflated: await deflatedZeros(320 * 1024 * 1024), declaredSize: 320 * 1024 * 1024 } }),
    "liar.xlsx": rebuildWorkbook(base, { [SHEET]: { name: SHEET, deflated: await deflatedZeros(64 * 1024 * 1024), declaredSize: 1000 } }),
    "laughs.xlsx": rebuildWorkbook(base, { [SHEET]: { name: SHEET, bytes: sheetXml('<row r="1"><c r="A1" t="inlineStr"><is><t>&lol9;</t></is></c></row>', LAUGHS) } }),
    "million.xlsx": rebuildWorkbook(base, { [SHEET]: { name: SHEET, bytes: bigSheet(1_001, 1_000) } }),
    "deep.xlsx": rebuildWorkbook(base, { [SHEET]: { name: SHEET, bytes: sheetXml("<a>".repeat(100_000) + "</a>".repeat(100_000)) } }),
    "long-text.xlsx": rebuildWorkbook(base, {
      [SHEET]: { name: SHEET, bytes: sheetXml(`<row r="1"><c r="B1" t="inlineStr"><is><t>${"x".repeat(32_768)}</t></is></c></row>`) },
    }),
    "many-entries.xlsx": buildZip(Array.from({ length: 10_001 }, (_, i) => ({ name: `x/${i}.xml`, bytes: "", stored: true }))),
    "old.xls": Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(1024), Buffer.from("Workbook", "utf16le")]),
    "locked.xlsx": Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(1024), Buffer.from("EncryptedPackage", "utf16le")]),
    "plan.ods": buildZip([
      { name: "mimetype", bytes: "application/vnd.oasis.opendocument.spreadsheet", stored: true },
      { name: "content.xml", bytes: "<office:document-content/>" },
    ]),
  };
  for (const [name, bytes] of Object.entries(files)) await writeFile(join(dir, name), bytes);
  mkdirSync(bundleDir, { recursive: true });
  await build({
    entryPoints: [join(REPO_ROOT, "xlsx/read-workbook.ts")],
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20",
    outfile: join(bundleDir, "reader.mjs"),
    logLevel: "error",
  });
}, 120_000);
afterAll(() => rmSync(bundleDir, { recursive: true, force: true }));

/** Reads a file in a child process with a capped heap: the reason it gave and its peak memory. */
async function readCapped(file: string): Promise<{ reason: string; rssMb: number }> {
  const script = `
    const { readWorkbookFile } = await import(process.argv[1]);
    let reason = "read";
    try { await readWorkbookFile(process.argv[2]); } catch (e) { reason = e.reason ?? String(e); }
    console.log(JSON.stringify({ reason, rssMb: process.resourceUsage().maxRSS / 1024 }));`;
  const { stdout } = await promisify(execFile)(
    process.execPath,
    [`--max-old-space-size=${HEAP_MB}`, "--input-type=module", "-e", script, join(bundleDir, "reader.mjs"), join(dir, file)],
    { timeout: 60_000 },
  );
  return JSON.parse(stdout) as { reason: string; rssMb: number };
}

describe(`heavy hostile files, read with a ${HEAP_MB} MB heap`, () => {
  it.each([
    ["bomb.xlsx", "zip-bomb"], // 320 MB of zeros in a 0.3 MB entry
    ["liar.xlsx", "corrupt"], // 64 MB inflating from an entry declaring 1 000 bytes
    ["laughs.xlsx", "dtd"], // billion laughs
    ["million.xlsx", "too-many-cells"], // 1 001 000 cells
  ])("%s → %s, within the memory cap", async (file, reason) => {
    // Act
    const run = await readCapped(file);
    // Assess
    expect(run.reason).toBe(reason);
    expect(run.rssMb).toBeLessThan(RSS_CAP_MB);
  }, 60_000);
});

describe("refused files, in process", () => {
  async function reasonOf(bytes: Uint8Array, limits?: Partial<ReaderLimits>): Promise<unknown> {
    const error = await readWorkbookBuffer(bytes, "f.xlsx", limits ? { limits } : {}).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UnreadableWorkbookError);
    return (error as UnreadableWorkbookError).reason;
  }

  it("a workbook whose parts inflate past the byte budget is too large", async () => {
    expect(await reasonOf(base, { maxUncompressedBytes: 2_000 })).toBe("too-large");
  });

  it.each([
    ["deep.xlsx", "too-deep"],
    ["long-text.xlsx", "string-too-long"],
    ["many-entries.xlsx", "too-many-entries"],
    ["old.xls", "xls"],
    ["locked.xlsx", "encrypted"],
    ["plan.ods", "ods"],
  ])("%s → %s", async (file, reason) => {
    const { readFile } = await import("node:fs/promises");
    expect(await reasonOf(await readFile(join(dir, file)))).toBe(reason);
  });

  it("names the cell of a text over 32 767 characters", async () => {
    const { readFile } = await import("node:fs/promises");
    const error = (await readWorkbookBuffer(await readFile(join(dir, "long-text.xlsx")), "f.xlsx").catch((e: unknown) => e)) as UnreadableWorkbookError;
    expect(error.detail).toBe("Progetti!B1");
  });

  it("reads the untouched base workbook (the refusals above come from what was changed)", async () => {
    expect((await readWorkbookBuffer(base, "f.xlsx")).sheets[0]?.values).toEqual([
      ["Codice", "Titolo"],
      ["DGH", "DigitalGreenHealth"],
    ]);
  });
});

describe("the CLI says each refusal in one line, exit 2", () => {
  it.each([
    ["bomb.xlsx", "en", "compression ratio"],
    ["laughs.xlsx", "en", "DTD"],
    ["deep.xlsx", "en", "nested too deeply"],
    ["long-text.xlsx", "en", "32,767"],
    ["many-entries.xlsx", "it", "troppi file"],
    ["liar.xlsx", "en", "damaged"],
    ["old.xls", "it", ".xls"],
    ["locked.xlsx", "en", "password"],
    ["plan.ods", "it", "OpenDocument"],
  ])("%s (%s) mentions %j", async (file, locale, words) => {
    // Act
    const run = await runCli(["validate", file, "--lang", locale], dir);
    // Assess
    expect(run.code).toBe(2);
    expect(run.stdout).toBe("");
    expect(run.stderr.trim().split("\n")).toHaveLength(1);
    expect(run.stderr).toContain(file);
    expect(run.stderr).toContain(words);
    expect(hasStackFrame(run.stderr)).toBe(false);
  }, 30_000);
});
