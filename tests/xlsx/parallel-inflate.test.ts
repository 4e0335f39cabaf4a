/**
 * The reader inflates the shared strings and every worksheet at once on the thread pool
 * (`ZipArchive.readAsync`) while it parses the parts already inflated. What a file is refused for
 * must not depend on which inflation finishes first: the first part in reading order that fails
 * gives the reason, as when the parts were read one after the other, and a later part's failure
 * never surfaces as an unhandled rejection.
 */
import { deflateRawSync } from "node:zlib";
import ExcelJS from "exceljs";
import { beforeAll, describe, expect, it } from "vitest";
import { readWorkbookBuffer } from "#xlsx/read-workbook.ts";
import { UnreadableWorkbookError } from "#xlsx/errors.ts";
import { DEFAULT_LIMITS } from "#xlsx/limits.ts";
import { ZipArchive } from "#xlsx/zip.ts";
import { rebuildWorkbook } from "./support/zip-builder.ts";

const SHEET1 = "xl/worksheets/sheet1.xml";
const SHEET2 = "xl/worksheets/sheet2.xml";

let base: Buffer;

/** An entry whose deflated bytes inflate to more than the size it declares. */
function liar(name: string) {
  return { name, deflated: deflateRawSync(Buffer.alloc(64 * 1024)), declaredSize: 100 };
}

async function reasonOf(bytes: Uint8Array, maxCells = DEFAULT_LIMITS.maxCells): Promise<string> {
  const unhandled: unknown[] = [];
  const onUnhandled = (e: unknown) => unhandled.push(e);
  process.on("unhandledRejection", onUnhandled);
  try {
    await readWorkbookBuffer(bytes, "t.xlsx", { limits: { maxCells } });
    return "read";
  } catch (e) {
    if (!(e instanceof UnreadableWorkbookError)) throw e;
    return e.reason;
  } finally {
    // Let every inflation still running settle before looking for unhandled rejections.
    await new Promise((r) => setTimeout(r, 50));
    process.off("unhandledRejection", onUnhandled);
    expect(unhandled).toEqual([]);
  }
}

beforeAll(async () => {
  const wb = new ExcelJS.Workbook();
  const a = wb.addWorksheet("Progetti");
  for (let r = 1; r <= 30; r++) a.addRow([`P${r}`, `Progetto ${r}`, r * 1000]);
  const b = wb.addWorksheet("Budget");
  for (let r = 1; r <= 30; r++) b.addRow([`P${r}`, "Personale", r * 10]);
  base = Buffer.from((await wb.xlsx.writeBuffer()) as ArrayBuffer);
});

describe("parts inflated concurrently", () => {
  it("readAsync gives every entry's bytes exactly as read does", async () => {
    const sync = new ZipArchive(base, DEFAULT_LIMITS);
    const async = new ZipArchive(base, DEFAULT_LIMITS);
    const names = [...sync.entries.values()].map((e) => e.name);
    expect(names).toContain(SHEET2);
    const all = await Promise.all(names.map((n) => async.readAsync(n)));
    names.forEach((n, i) => expect(Buffer.from(all[i] as Uint8Array).equals(Buffer.from(sync.read(n) as Uint8Array))).toBe(true));
    await expect(async.readAsync("xl/none.xml")).resolves.toBeUndefined();
  });

  it("readAsync refuses what read refuses, with the same reason", async () => {
    const bytes = rebuildWorkbook(base, { [SHEET2]: liar(SHEET2) });
    expect(() => new ZipArchive(bytes, DEFAULT_LIMITS).read(SHEET2)).toThrow(expect.objectContaining({ reason: "corrupt" }));
    await expect(new ZipArchive(bytes, DEFAULT_LIMITS).readAsync(SHEET2)).rejects.toMatchObject({ reason: "corrupt" });
    const small = { ...DEFAULT_LIMITS, maxUncompressedBytes: 10 };
    expect(() => new ZipArchive(base, small).read(SHEET2)).toThrow(expect.objectContaining({ reason: "too-large" }));
    await expect(new ZipArchive(base, small).readAsync(SHEET2)).rejects.toMatchObject({ reason: "too-large" });
  });

  it("the first sheet's refusal wins over a later sheet's damaged part", async () => {
    const bytes = rebuildWorkbook(base, { [SHEET2]: liar(SHEET2) });
    expect(await reasonOf(bytes)).toBe("corrupt");
    // Too many cells in the first sheet (60 cells over a limit of 50): found before the second sheet is looked at.
    expect(await reasonOf(bytes, 50)).toBe("too-many-cells");
  });

  it("a damaged first sheet is refused even when the second one is fine", async () => {
    expect(await reasonOf(rebuildWorkbook(base, { [SHEET1]: liar(SHEET1) }))).toBe("corrupt");
    expect(await reasonOf(base)).toBe("read");
  });
});
