/**
 * A pull tokenizer for the two big parts of a workbook (worksheets and shared strings), working on
 * the inflated bytes directly. saxes (xml.ts) reads the small parts; on a 15 MB sheet it spends most
 * of the reader's time walking the decoded text one character at a time and allocating a tag
 * object with an attribute record for every element. This tokenizer jumps between `<` and `>` with
 * the native `indexOf`, hands out element names interned (no string per tag), and builds an
 * attribute's or a text's string only when the caller asks for it (a cell's `r`, `s` and number
 * are read straight from the bytes).
 *
 * The same safety rules as xml.ts: a DTD (`<!DOCTYPE`, `<!ENTITY`) is refused before anything is
 * expanded; only the five predefined entities and character references exist; element depth is
 * bounded; element names lose the root element's namespace prefix (the .NET SDK's `x:`), names
 * under any other prefix keep theirs. Well-formedness checks are those a reader needs to never
 * misread a damaged part silently: tags nest and match, quotes and markup close, nothing but
 * white space outside the root, entities are known. (It does not check name characters or
 * duplicate attributes: saxes's property test in tests/xlsx/xml-scan.test.ts compares the two.)
 * Text and attribute values are normalised as XML says (line ends to "\n"; tab, CR and LF in an
 * attribute value to a space).
 */
import { ReaderFailure } from "./errors.ts";

/** {@link XmlScanner.next}'s events. */
export const END = 0;
export const OPEN = 1;
export const CLOSE = 2;
export const TEXT = 3;
export type XmlEvent = typeof END | typeof OPEN | typeof CLOSE | typeof TEXT;

const LT = 0x3c;
const GT = 0x3e;
const SLASH = 0x2f;
const BANG = 0x21;
const QUESTION = 0x3f;
const EQ = 0x3d;
const QUOT = 0x22;
const APOS = 0x27;
const AMP = 0x26;
const COLON = 0x3a;

// Byte classes as tables rather than functions: the scanner asks for every byte of a tag, and the
// CLI runs with TurboFan's inlining off (cli/bin.mjs), where each function call stays a call.
/** XML white space: space, tab, CR, LF. */
const SPACE = new Uint8Array(256);
for (const c of [0x20, 0x0a, 0x0d, 0x09]) SPACE[c] = 1;
/** Bytes that end a name: white space, `/`, `>`, `=`, `<` and quotes. */
const NAME_END = new Uint8Array(256);
for (const c of [0x20, 0x0a, 0x0d, 0x09, 0x3e, 0x2f, 0x3d, 0x3c, 0x22, 0x27]) NAME_END[c] = 1;

const ENTITIES = new Map([["lt", "<"], ["gt", ">"], ["amp", "&"], ["quot", '"'], ["apos", "'"]]);
const REFERENCE = /&(#x[0-9A-Fa-f]+|#[0-9]+|[A-Za-z_][\w.-]*);/g;

/** Names of one ASCII character ("c", "v", "f", "t"), the commonest, by byte. */
const ONE_BYTE_NAMES: (string | undefined)[] = [];

/** Markup that may open with `<!` inside a part; anything else there is refused. */
const COMMENT = [0x2d, 0x2d]; // "--"
const CDATA = [...Buffer.from("[CDATA[")];
const DOCTYPE = [...Buffer.from("DOCTYPE")];
const ENTITY = [...Buffer.from("ENTITY")];

/**
 * Walks one XML part. `next()` returns {@link OPEN} (a self-closing element gives OPEN then
 * CLOSE), {@link CLOSE}, {@link TEXT} (character data, CDATA included, possibly in several pieces)
 * or {@link END}; `name` is the element's name and the attribute and text readers apply to the
 * event just returned.
 */
export class XmlScanner {
  /** Name of the element just opened or closed (interned: compare with `===`). */
  name = "";
  /** The part's bytes, for readers that parse a value in place ({@link attrRange}). */
  readonly bytes: Buffer;
  /** Byte range of the value found by {@link attrRange}, or of the last TEXT. */
  start = 0;
  end = 0;

  private pos = 0;
  private readonly stack: string[] = [];
  private pendingClose = false;
  private rootSeen = false;
  /** Bytes of the root's namespace prefix with its colon (empty: none). */
  private prefix: Uint8Array | undefined;
  /** Attributes of the last opened tag: name start, name end, value start, value end. */
  private attrs = new Int32Array(64);
  private attrCount = 0;
  private textIsCdata = false;
  private readonly names = new Map<number, string>();

  constructor(
    bytes: Uint8Array,
    private readonly part: string,
    private readonly maxDepth: number,
  ) {
    this.bytes = Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) this.pos = 3;
  }

  private corrupt(what: string): ReaderFailure {
    return new ReaderFailure("corrupt", `${this.part}: ${what} at byte ${this.pos}`);
  }

  /** The next event. @throws ReaderFailure "dtd", "too-deep" or "corrupt" */
  next(): XmlEvent {
    if (this.pendingClose) {
      this.pendingClose = false;
      this.name = this.stack.pop() as string;
      return CLOSE;
    }
    const b = this.bytes;
    const len = b.length;
    for (;;) {
      const p = this.pos;
      if (p >= len) {
        if (this.stack.length > 0) throw this.corrupt(`<${this.stack[this.stack.length - 1]}> not closed`);
        if (!this.rootSeen) throw this.corrupt("no root element");
        return END;
      }
      if (b[p] !== LT) {
        // A plain loop: between tags the text is short ("<v>12</v>"), shorter than Buffer.indexOf's call.
        let e = p + 1;
        while (e < len && b[e] !== LT) e++;
        this.pos = e;
        if (this.stack.length === 0) {
          for (let i = p; i < e; i++) if (SPACE[b[i] as number] !== 1) throw this.corrupt("text outside the root element");
          continue;
        }
        this.start = p;
        this.end = e;
        this.textIsCdata = false;
        return TEXT;
      }
      const c = b[p + 1];
      if (c === SLASH) return this.closeTag(p);
      if (c === QUESTION) {
        const e = this.indexOf2(QUESTION, GT, p + 2);
        this.pos = e + 2;
        continue;
      }
      if (c === BANG) {
        if (this.startsWith(p + 2, COMMENT)) {
          const e = b.indexOf("-->", p + 4, "latin1");
          if (e < 0) throw this.corrupt("comment not closed");
          this.pos = e + 3;
          continue;
        }
        if (this.startsWith(p + 2, CDATA)) {
          if (this.stack.length === 0) throw this.corrupt("CDATA outside the root element");
          const e = b.indexOf("]]>", p + 9, "latin1");
          if (e < 0) throw this.corrupt("CDATA not closed");
          this.start = p + 9;
          this.end = e;
          this.pos = e + 3;
          this.textIsCdata = true;
          return TEXT;
        }
        // <!DOCTYPE …> or a stray <!ENTITY …>: the door to entity expansion stays shut.
        if (this.startsWith(p + 2, DOCTYPE) || this.startsWith(p + 2, ENTITY)) throw new ReaderFailure("dtd", this.part);
        throw this.corrupt("unknown markup <!");
      }
      return this.openTag(p);
    }
  }

  /** Position of the two-byte sequence `x y` from `from`. @throws ReaderFailure when absent */
  private indexOf2(x: number, y: number, from: number): number {
    const b = this.bytes;
    for (let i = b.indexOf(x, from); i >= 0; i = b.indexOf(x, i + 1)) if (b[i + 1] === y) return i;
    throw this.corrupt("markup not closed");
  }

  private startsWith(at: number, seq: readonly number[]): boolean {
    for (let i = 0; i < seq.length; i++) if (this.bytes[at + i] !== seq[i]) return false;
    return true;
  }

  /** End of a name starting at `p`: the first byte of {@link NAME_END}. */
  private nameEnd(p: number): number {
    const b = this.bytes;
    const len = b.length;
    while (p < len) {
      const x = b[p] as number;
      if (NAME_END[x] === 1) break;
      p++;
    }
    return p;
  }

  /** The element name in bytes [s, e), without the root's prefix, interned. */
  private nameAt(s: number, e: number): string {
    const b = this.bytes;
    const pre = this.prefix;
    if (pre && e - s > pre.length) {
      let same = true;
      for (let i = 0; i < pre.length; i++)
        if (b[s + i] !== pre[i]) {
          same = false;
          break;
        }
      if (same) s += pre.length;
    }
    if (e - s === 1 && (b[s] as number) < 0x80) return (ONE_BYTE_NAMES[b[s] as number] ??= String.fromCharCode(b[s] as number));
    let h = 0x811c9dc5;
    let ascii = true;
    for (let i = s; i < e; i++) {
      const x = b[i] as number;
      if (x >= 0x80) ascii = false;
      h = Math.imul(h ^ x, 0x01000193);
    }
    // 30 bits: a small integer to V8, so the key is never a heap number (an unsigned 32-bit hash
    // was one, allocated per tag, and deoptimised the scanner when it first went past 2^30).
    // Collisions only cost a fresh string: the bytes are compared below.
    h = (h ^ (e - s)) & 0x3fffffff;
    const known = this.names.get(h);
    if (known !== undefined && known.length === e - s) {
      let same = true;
      for (let i = 0; i < known.length; i++)
        if (known.charCodeAt(i) !== b[s + i]) {
          same = false;
          break;
        }
      if (same) return known;
    }
    const name = b.toString(ascii ? "latin1" : "utf8", s, e);
    if (ascii && known === undefined) this.names.set(h, name);
    return name;
  }

  private openTag(p: number): XmlEvent {
    const b = this.bytes;
    const len = b.length;
    const ns = p + 1;
    const ne = this.nameEnd(ns);
    if (ne === ns) throw this.corrupt("element without a name");
    if (this.stack.length === 0) {
      if (this.rootSeen) throw this.corrupt("a second root element");
      this.rootSeen = true;
      const colon = b.indexOf(COLON, ns);
      if (colon >= 0 && colon < ne) this.prefix = b.subarray(ns, colon + 1);
    }
    const name = this.nameAt(ns, ne);
    // Attributes: name = "value" | 'value', separated by white space, up to > or />.
    let i = ne;
    let n = 0;
    for (;;) {
      const sawSpace = i < len && SPACE[b[i] as number] === 1;
      while (i < len && SPACE[b[i] as number] === 1) i++;
      if (i >= len) throw this.corrupt(`<${name}> not closed`);
      const x = b[i];
      if (x === GT) {
        i++;
        break;
      }
      if (x === SLASH) {
        if (b[i + 1] !== GT) throw this.corrupt(`<${name}> badly closed`);
        i += 2;
        this.pendingClose = true;
        break;
      }
      if (!sawSpace) throw this.corrupt(`<${name}>: attributes need a space between them`);
      const as = i;
      const ae = this.nameEnd(as);
      if (ae === as) throw this.corrupt(`<${name}>: bad attribute`);
      i = ae;
      while (i < len && SPACE[b[i] as number] === 1) i++;
      if (b[i] !== EQ) throw this.corrupt(`<${name}>: attribute without a value`);
      i++;
      while (i < len && SPACE[b[i] as number] === 1) i++;
      const q = b[i];
      if (q !== QUOT && q !== APOS) throw this.corrupt(`<${name}>: attribute value without quotes`);
      const vs = i + 1;
      let ve = vs;
      for (; ve < len; ve++) {
        const y = b[ve];
        if (y === q) break;
        if (y === LT) throw this.corrupt(`<${name}>: "<" in an attribute value`);
      }
      if (ve >= len) throw this.corrupt(`<${name}>: attribute value not closed`);
      if (4 * n + 4 > this.attrs.length) {
        const grown = new Int32Array(this.attrs.length * 2);
        grown.set(this.attrs);
        this.attrs = grown;
      }
      this.attrs[4 * n] = as;
      this.attrs[4 * n + 1] = ae;
      this.attrs[4 * n + 2] = vs;
      this.attrs[4 * n + 3] = ve;
      n++;
      i = ve + 1;
    }
    this.attrCount = n;
    this.pos = i;
    if (this.stack.length >= this.maxDepth) throw new ReaderFailure("too-deep", this.part);
    this.stack.push(name);
    this.name = name;
    return OPEN;
  }

  private closeTag(p: number): XmlEvent {
    const b = this.bytes;
    const ns = p + 2;
    const ne = this.nameEnd(ns);
    let i = ne;
    while (i < b.length && SPACE[b[i] as number] === 1) i++;
    if (b[i] !== GT) throw this.corrupt("end tag not closed");
    this.pos = i + 1;
    const open = this.stack.pop();
    // Compared in place with the open element's name: no lookup for the commonest event.
    if (open === undefined || !(this.isName(ns, ne, open) || this.nameAt(ns, ne) === open)) throw this.corrupt(`</${this.nameAt(ns, ne)}> closes <${open ?? ""}>`);
    this.name = open;
    return CLOSE;
  }

  /** Whether bytes [s, e), without the root's prefix, spell the ASCII name `name`. */
  private isName(s: number, e: number, name: string): boolean {
    const b = this.bytes;
    const pre = this.prefix;
    if (pre && e - s === name.length + pre.length) {
      for (let i = 0; i < pre.length; i++) if (b[s + i] !== pre[i]) return false;
      s += pre.length;
    }
    if (e - s !== name.length) return false;
    for (let i = 0; i < name.length; i++) if (b[s + i] !== name.charCodeAt(i)) return false;
    return true;
  }

  /**
   * Finds attribute `name` (its qualified name as written: "r", "t", "xml:space") of the element
   * just opened and sets {@link start}/{@link end} to its raw value.
   * @returns false when the element has no such attribute
   */
  attrRange(name: string): boolean {
    const a = this.attrs;
    const b = this.bytes;
    const len = name.length;
    outer: for (let k = 0; k < this.attrCount; k++) {
      const s = a[4 * k] as number;
      if ((a[4 * k + 1] as number) - s !== len) continue;
      for (let i = 0; i < len; i++) if (b[s + i] !== name.charCodeAt(i)) continue outer;
      this.start = a[4 * k + 2] as number;
      this.end = a[4 * k + 3] as number;
      return true;
    }
    return false;
  }

  /** Attribute `name` of the element just opened, entities decoded, or undefined. */
  attr(name: string): string | undefined {
    if (!this.attrRange(name)) return undefined;
    let s = this.bytes.toString("utf8", this.start, this.end);
    // Attribute-value normalisation (XML 1.0 §3.3.3), then references: "&#10;" stays a line feed.
    if (/[\t\n\r]/.test(s)) s = s.replace(/\r\n?|[\t\n]/g, " ");
    return s.includes("&") ? this.decodeReferences(s) : s;
  }

  /**
   * Attribute `name` as a short token ("s", "str", "shared"), interned like element names; for
   * attributes with a few known values, read on every cell. undefined when absent.
   */
  attrToken(name: string): string | undefined {
    if (!this.attrRange(name)) return undefined;
    if (this.end - this.start > 16) return this.attr(name);
    for (let i = this.start; i < this.end; i++) if (this.bytes[i] === AMP || (this.bytes[i] as number) >= 0x80) return this.attr(name);
    const pre = this.prefix;
    this.prefix = undefined;
    const token = this.nameAt(this.start, this.end);
    this.prefix = pre;
    return token;
  }

  /**
   * Right after OPEN of an element holding only character data up to its own end tag (a cell's
   * `<v>17</v>`, the commonest shape of a sheet): takes that text and the end tag in one step,
   * as a TEXT then a CLOSE event would (start/end hold the raw text, possibly empty; read it with
   * {@link textOf}). Returns false and consumes nothing for any other shape (self-closing, markup
   * or CDATA inside, a damaged end tag), which the caller then reads event by event.
   */
  textThenClose(): boolean {
    if (this.pendingClose) return false;
    const b = this.bytes;
    const len = b.length;
    const p = this.pos;
    let e = p;
    while (e < len && b[e] !== LT) e++;
    if (e + 1 >= len || b[e + 1] !== SLASH) return false;
    const ns = e + 2;
    const ne = this.nameEnd(ns);
    if (!this.isName(ns, ne, this.name)) return false;
    let i = ne;
    while (i < len && SPACE[b[i] as number] === 1) i++;
    if (b[i] !== GT) return false;
    this.start = p;
    this.end = e;
    this.textIsCdata = false;
    this.pos = i + 1;
    this.stack.pop();
    return true;
  }

  /** Whether the last TEXT event was a CDATA section (its text holds no references). */
  get isCdata(): boolean {
    return this.textIsCdata;
  }

  /** The text of the last TEXT event, line ends normalised and references decoded. */
  text(): string {
    if (!this.textIsCdata) return this.textOf(this.start, this.end);
    const s = this.bytes.toString("utf8", this.start, this.end);
    return s.includes("\r") ? s.replace(/\r\n?/g, "\n") : s;
  }

  /**
   * Character data at bytes [s, e) (a range an earlier TEXT event gave, not CDATA), line ends
   * normalised and references decoded.
   */
  textOf(s: number, e: number): string {
    let t = this.bytes.toString("utf8", s, e);
    if (t.includes("\r")) t = t.replace(/\r\n?/g, "\n");
    return t.includes("&") ? this.decodeReferences(t) : t;
  }

  private decodeReferences(s: string): string {
    if (s.replace(REFERENCE, "").includes("&")) throw this.corrupt('"&" that starts no reference');
    return s.replace(REFERENCE, (_, ref: string) => {
      if (ref.charCodeAt(0) !== 0x23) {
        const v = ENTITIES.get(ref);
        if (v === undefined) throw this.corrupt(`unknown entity &${ref};`);
        return v;
      }
      const code = ref.charCodeAt(1) === 0x78 ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
      if (!(code > 0 && code <= 0x10ffff) || (code >= 0xd800 && code <= 0xdfff)) throw this.corrupt(`bad character reference &${ref};`);
      return String.fromCodePoint(code);
    });
  }
}

const POW10 = [1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22];

/**
 * The number written in bytes [s, e) as `Number(text)` reads it. Plain decimals of up to 15
 * significant digits ("483798.75", "-12", "2025") are computed in place: the digits as an integer
 * (exact below 2^53) divided by a power of ten (exact up to 10^22), one correctly rounded
 * division, so the same double as `Number`. Anything else goes through `Number`.
 */
export function numberAt(b: Buffer, s: number, e: number): number {
  let i = s;
  const neg = b[i] === 0x2d;
  if (neg) i++;
  let m = 0;
  let digits = 0;
  let frac = -1;
  for (; i < e; i++) {
    const x = b[i] as number;
    if (x >= 0x30 && x <= 0x39) {
      if (digits > 0 || x !== 0x30) digits++;
      m = m * 10 + (x - 0x30);
      if (frac >= 0) frac++;
    } else if (x === 0x2e && frac < 0) frac = 0;
    else return Number(b.toString("latin1", s, e));
  }
  if (digits > 15 || i === (neg ? s + 1 : s) || frac === 0 || (frac < 0 ? false : frac > 22)) return Number(b.toString("latin1", s, e));
  const v = frac > 0 ? m / (POW10[frac] as number) : m;
  return neg ? -v : v;
}
