/**
 * A read-only view of a zip archive (the container of every .xlsx), reading the central directory
 * and inflating one entry at a time with node:zlib. Nothing is inflated before the caller asks,
 * and nothing is inflated beyond its declared size: the sizes and counts are checked against
 * {@link ReaderLimits} before any memory is allocated for them.
 */
import { inflateRaw, inflateRawSync } from "node:zlib";
import type { ZlibOptions } from "node:zlib";
import { ReaderFailure } from "./errors.ts";
import type { ReaderLimits } from "./limits.ts";
import { RATIO_FLOOR_BYTES } from "./limits.ts";

/** One file of the archive, as its central directory describes it. */
export interface ZipEntry {
  /** The name as stored (e.g. "xl/worksheets/sheet1.xml"). */
  readonly name: string;
  readonly method: number;
  readonly compressedSize: number;
  readonly size: number;
  readonly localOffset: number;
  readonly encrypted: boolean;
}

const EOCD_SIG = 0x06054b50;
const EOCD64_LOCATOR_SIG = 0x07064b50;
const EOCD64_SIG = 0x06064b50;
const CENTRAL_SIG = 0x02014b50;
const LOCAL_SIG = 0x04034b50;
const MAX_COMMENT = 0xffff;

const utf8 = new TextDecoder("utf-8");
const latin1 = new TextDecoder("latin1");

function u16(b: Uint8Array, i: number): number {
  return (b[i] as number) | ((b[i + 1] as number) << 8);
}
function u32(b: Uint8Array, i: number): number {
  return ((b[i] as number) | ((b[i + 1] as number) << 8) | ((b[i + 2] as number) << 16) | ((b[i + 3] as number) << 24)) >>> 0;
}
function u64(b: Uint8Array, i: number): number {
  return u32(b, i) + u32(b, i + 4) * 0x1_0000_0000;
}

function corrupt(detail: string): ReaderFailure {
  return new ReaderFailure("corrupt", detail);
}

/** Offset of the end-of-central-directory record, searched backwards over a possible comment. */
function findEocd(b: Uint8Array): number {
  const stop = Math.max(0, b.length - 22 - MAX_COMMENT);
  for (let i = b.length - 22; i >= stop; i--) if (u32(b, i) === EOCD_SIG) return i;
  throw corrupt("no zip directory");
}

/** The entries of the archive, keyed by lower-cased name (OPC part names ignore case). */
export class ZipArchive {
  readonly entries = new Map<string, ZipEntry>();
  private inflated = 0;

  constructor(
    private readonly bytes: Uint8Array,
    private readonly limits: ReaderLimits,
  ) {
    const b = bytes;
    const eocd = findEocd(b);
    let count = u16(b, eocd + 10);
    let offset = u32(b, eocd + 16);
    // Zip64 (archives over 4 GB or 65 535 entries): the real figures sit in a second record.
    if ((count === 0xffff || offset === 0xffffffff) && eocd >= 20 && u32(b, eocd - 20) === EOCD64_LOCATOR_SIG) {
      const at = u64(b, eocd - 12);
      if (at + 56 > b.length || u32(b, at) !== EOCD64_SIG) throw corrupt("bad zip64 directory");
      count = u64(b, at + 32);
      offset = u64(b, at + 48);
    }
    if (count > limits.maxEntries) throw new ReaderFailure("too-many-entries", `${count}`);
    let p = offset;
    for (let n = 0; n < count; n++) {
      if (p + 46 > b.length || u32(b, p) !== CENTRAL_SIG) throw corrupt("bad zip directory entry");
      const flags = u16(b, p + 8);
      const method = u16(b, p + 10);
      let compressedSize = u32(b, p + 20);
      let size = u32(b, p + 24);
      const nameLen = u16(b, p + 28);
      const extraLen = u16(b, p + 30);
      const commentLen = u16(b, p + 32);
      let localOffset = u32(b, p + 42);
      const nameBytes = b.subarray(p + 46, p + 46 + nameLen);
      const name = (flags & 0x800 ? utf8 : latin1).decode(nameBytes);
      if (size === 0xffffffff || compressedSize === 0xffffffff || localOffset === 0xffffffff) {
        // Zip64 extra field (id 1): the 64-bit values, in this order, for those that overflowed.
        let e = p + 46 + nameLen;
        const end = e + extraLen;
        while (e + 4 <= end) {
          const id = u16(b, e);
          const len = u16(b, e + 2);
          if (id === 1) {
            let q = e + 4;
            if (size === 0xffffffff) {
              size = u64(b, q);
              q += 8;
            }
            if (compressedSize === 0xffffffff) {
              compressedSize = u64(b, q);
              q += 8;
            }
            if (localOffset === 0xffffffff) localOffset = u64(b, q);
            break;
          }
          e += 4 + len;
        }
      }
      const entry: ZipEntry = { name, method, compressedSize, size, localOffset, encrypted: (flags & 1) === 1 };
      this.entries.set(name.toLowerCase(), entry);
      p += 46 + nameLen + extraLen + commentLen;
    }
  }

  /** The entry named `name` (case-insensitive, with or without a leading "/"), if any. */
  entry(name: string): ZipEntry | undefined {
    return this.entries.get((name.startsWith("/") ? name.slice(1) : name).toLowerCase());
  }

  /**
   * The bytes of an entry, or undefined when the archive has none by that name.
   * @throws ReaderFailure on a limit breach or a damaged entry.
   */
  read(name: string): Uint8Array | undefined {
    const job = this.claim(name);
    if (job === undefined) return undefined;
    if (job.raw === undefined) return job.out;
    let out: Uint8Array;
    try {
      out = inflateRawSync(job.raw, inflateOptions(job.entry));
    } catch (cause) {
      throw new ReaderFailure("corrupt", job.entry.name, { cause });
    }
    return checkedSize(job.entry, out);
  }

  /**
   * {@link read} with the inflation on libuv's thread pool, so a caller can parse one part while
   * the next ones inflate on another core. The limits are checked, and the entry's size counted
   * against them, now (synchronously, in call order, exactly as {@link read} would); the promise
   * resolves to undefined when the archive has no such entry and rejects with the ReaderFailure
   * {@link read} would have thrown.
   */
  readAsync(name: string): Promise<Uint8Array | undefined> {
    let job: InflateJob | undefined;
    try {
      job = this.claim(name);
    } catch (failure) {
      return Promise.reject(failure as Error);
    }
    if (job === undefined || job.raw === undefined) return Promise.resolve(job?.out);
    const { entry, raw } = job;
    return new Promise((done, fail) => {
      inflateRaw(raw, inflateOptions(entry), (cause, out) => {
        if (cause) fail(new ReaderFailure("corrupt", entry.name, { cause }));
        else {
          try {
            done(checkedSize(entry, out));
          } catch (failure) {
            fail(failure as Error);
          }
        }
      });
    });
  }

  /**
   * Checks an entry against the limits, counts its size as inflated and finds its compressed
   * bytes: `raw` when it still needs inflating, else `out` (stored or empty entries).
   */
  private claim(name: string): InflateJob | undefined {
    const e = this.entry(name);
    if (!e) return undefined;
    if (e.encrypted) throw new ReaderFailure("encrypted", e.name);
    if (e.size > RATIO_FLOOR_BYTES && e.size / Math.max(1, e.compressedSize) > this.limits.maxCompressionRatio)
      throw new ReaderFailure("zip-bomb", e.name);
    if (this.inflated + e.size > this.limits.maxUncompressedBytes) throw new ReaderFailure("too-large", e.name);
    const b = this.bytes;
    const p = e.localOffset;
    if (p + 30 > b.length || u32(b, p) !== LOCAL_SIG) throw corrupt(e.name);
    const start = p + 30 + u16(b, p + 26) + u16(b, p + 28);
    if (start + e.compressedSize > b.length) throw corrupt(e.name);
    const raw = b.subarray(start, start + e.compressedSize);
    let job: InflateJob;
    if (e.method === 0) {
      if (e.compressedSize !== e.size) throw corrupt(e.name);
      job = { entry: e, out: raw };
    } else if (e.method === 8) {
      job = e.size === 0 ? { entry: e, out: new Uint8Array(0) } : { entry: e, raw };
    } else {
      throw corrupt(`${e.name}: compression method ${e.method}`);
    }
    this.inflated += e.size;
    return job;
  }
}

/** An entry that passed the limits: its compressed bytes, or its bytes when there is nothing to inflate. */
type InflateJob = { entry: ZipEntry; raw: Uint8Array; out?: undefined } | { entry: ZipEntry; raw?: undefined; out: Uint8Array };

/**
 * The declared size caps the output: an entry that lies about its size fails instead of growing
 * without bound. One output chunk of that size spares zlib concatenating many small ones.
 */
function inflateOptions(e: ZipEntry): ZlibOptions {
  return { maxOutputLength: e.size, chunkSize: Math.max(64, Math.min(e.size + 1, 64 * 1024 * 1024)) };
}

/** The inflated bytes if they are exactly the declared size. @throws ReaderFailure "corrupt" */
function checkedSize(e: ZipEntry, out: Uint8Array): Uint8Array {
  if (out.length !== e.size) throw corrupt(e.name);
  return out;
}
