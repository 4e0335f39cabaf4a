/**
 * Builds zip archives byte by byte for hostile-file tests: entries may carry data already
 * deflated (a zip bomb made without holding its gigabyte in memory) and may lie about their
 * size. CRCs are left 0: the reader does not check them and these files are hostile anyway.
 */
import { deflateRawSync } from "node:zlib";
import { unzipSync } from "fflate";

/** One entry: plain bytes (deflated here), or pre-deflated bytes with the size to declare. */
export type ZipInput =
  | { name: string; bytes: Uint8Array | string; stored?: boolean }
  | { name: string; deflated: Uint8Array; declaredSize: number };

const enc = new TextEncoder();

/** The zip archive of `entries`, in order. */
export function buildZip(entries: readonly ZipInput[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name, "utf8");
    let data: Uint8Array;
    let size: number;
    let method = 8;
    if ("deflated" in e) {
      data = e.deflated;
      size = e.declaredSize;
    } else {
      const raw = typeof e.bytes === "string" ? enc.encode(e.bytes) : e.bytes;
      size = raw.length;
      method = e.stored ? 0 : 8;
      data = e.stored ? raw : deflateRawSync(raw);
    }
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x800, 6);
    local.writeUInt16LE(method, 8);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x800, 8);
    central.writeUInt16LE(method, 10);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, Buffer.from(data));
    centrals.push(central, name);
    offset += 30 + name.length + data.length;
  }
  const dir = Buffer.concat(centrals);
  const eocd = Buffer.alloc(22);
  eocd.writeUInt32LE(0x06054b50, 0);
  eocd.writeUInt16LE(Math.min(entries.length, 0xffff), 8);
  eocd.writeUInt16LE(Math.min(entries.length, 0xffff), 10);
  eocd.writeUInt32LE(dir.length, 12);
  eocd.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, dir, eocd]);
}

/** The entries of a real workbook, with some parts replaced (by name) or added. */
export function rebuildWorkbook(workbook: Uint8Array, replace: Record<string, ZipInput>): Buffer {
  const parts = unzipSync(workbook);
  const out: ZipInput[] = Object.entries(parts).map(([name, bytes]) => replace[name] ?? { name, bytes });
  for (const [name, input] of Object.entries(replace)) if (!(name in parts)) out.push(input);
  return buildZip(out);
}
