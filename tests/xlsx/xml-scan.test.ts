/**
 * The byte tokenizer of the big parts (xlsx/xml-scan.ts) against saxes, the maintained parser it
 * stands in for: on random well-formed XML both give the same elements, attributes and text;
 * cut anywhere, a document is refused; hostile markup gets the same reasons as xml.ts gives
 * (references in an attribute value are checked when the value is read: the scanner decodes
 * nothing nobody asks for).
 * numberAt's in-place numbers are the doubles `Number` reads.
 */
import fc from "fast-check";
import { SaxesParser } from "saxes";
import { describe, expect, it } from "vitest";
import { ReaderFailure } from "#xlsx/errors.ts";
import { CLOSE, END, numberAt, OPEN, XmlScanner } from "#xlsx/xml-scan.ts";

type Event = ["open", string, Record<string, string>] | ["close", string] | ["text", string];

/** Adjacent text events merged: the two parsers may cut character data differently. */
function push(out: Event[], e: Event): void {
  const last = out[out.length - 1];
  if (e[0] === "text" && last?.[0] === "text") last[1] += e[1];
  else if (e[0] !== "text" || e[1] !== "") out.push(e);
}

function withSaxes(xml: string): Event[] {
  const out: Event[] = [];
  const p = new SaxesParser({ xmlns: false });
  let depth = 0;
  p.on("opentag", (t) => {
    depth++;
    push(out, ["open", t.name, { ...(t.attributes as Record<string, string>) }]);
  });
  p.on("closetag", (t) => {
    depth--;
    push(out, ["close", t.name]);
  });
  // White space around the root is no character data of the document: the scanner skips it.
  p.on("text", (t) => depth > 0 && push(out, ["text", t]));
  p.on("cdata", (t) => push(out, ["text", t]));
  p.on("error", (e) => {
    throw e;
  });
  p.write(xml).close();
  return out;
}

/**
 * The scanner's events, each element's attributes read back by the names saxes saw. With
 * `oneStep`, every element is first offered to `textThenClose` (as the sheet reader does with
 * `<v>`), which must give the same text and end tag as the events would.
 */
function withScanner(xml: string, names: (el: number) => string[], oneStep = false): Event[] {
  const out: Event[] = [];
  const s = new XmlScanner(Buffer.from(xml, "utf8"), "part.xml", 64);
  let opened = 0;
  for (let ev = s.next(); ev !== END; ev = s.next()) {
    if (ev === OPEN) {
      const attrs: Record<string, string> = {};
      for (const n of names(opened++)) {
        const v = s.attr(n);
        if (v !== undefined) attrs[n] = v;
      }
      push(out, ["open", s.name, attrs]);
      if (oneStep && s.textThenClose()) {
        push(out, ["text", s.textOf(s.start, s.end)]);
        push(out, ["close", s.name]);
      }
    } else if (ev === CLOSE) push(out, ["close", s.name]);
    else push(out, ["text", s.text()]);
  }
  return out;
}

const nameArb = fc.constantFrom("c", "v", "row", "si", "t", "r", "rPh", "sheetData", "x14ac:dyDescent", "mc:AlternateContent", "é");
const charArb = fc.constantFrom("a", "Z", "0", " ", "\t", "\n", "\r\n", "\r", "à", "€", "😀", "&amp;", "&lt;", "&gt;", "&quot;", "&apos;", "&#233;", "&#x1F600;", "&#10;", "&#13;", ">", "]", "'", '"', "_x000D_");
const textArb = fc.array(charArb, { maxLength: 8 }).map((xs) => xs.join(""));
/** Text legal inside a double- or single-quoted attribute value. */
const attrValueArb = (quote: string) => textArb.map((t) => t.replaceAll(quote, quote === '"' ? "&quot;" : "&apos;"));

interface Node {
  name: string;
  attrs: [string, string, string][];
  children: (Node | string)[];
}

const attrsArb = fc.uniqueArray(
  fc.tuple(fc.constantFrom("r", "t", "s", "si", "ref", "xml:space", "x14ac:dyDescent"), fc.constantFrom('"', "'")).chain(([n, q]) =>
    attrValueArb(q).map((v) => [n, q, v] as [string, string, string]),
  ),
  { selector: (a) => a[0], maxLength: 4 },
);

const leafArb: fc.Arbitrary<string> = fc.oneof(
  textArb.map((t) => t.replaceAll("]]>", "]]&gt;")),
  textArb.map((t) => `<![CDATA[${t.replaceAll("&", "").replaceAll("]]>", "")}]]>`),
  fc.constant("<!-- a comment -->"),
  fc.constant('<?pi some="thing"?>'),
);
const { node } = fc.letrec<{ node: Node; child: Node | string }>((tie) => ({
  node: fc.record({ name: nameArb, attrs: attrsArb, children: fc.array(tie("child"), { maxLength: 4 }) }),
  child: fc.oneof({ depthSize: "small", withCrossShrink: true }, leafArb, tie("node")),
}));

function serialize(n: Node, selfClose: (n: Node) => boolean): string {
  const attrs = n.attrs.map(([k, q, v]) => ` ${k}=${q}${v}${q}`).join("");
  if (n.children.length === 0 && selfClose(n)) return `<${n.name}${attrs}/>`;
  return `<${n.name}${attrs}>${n.children.map((c) => (typeof c === "string" ? c : serialize(c, selfClose))).join("")}</${n.name} >`;
}

function attrNamesInOrder(n: Node, out: string[][] = []): string[][] {
  out.push(n.attrs.map((a) => a[0]));
  for (const c of n.children) if (typeof c !== "string") attrNamesInOrder(c, out);
  return out;
}

const documentArb = fc.tuple(node, fc.boolean(), fc.boolean()).map(([root, decl, bom]) => {
  // No root prefix here: the root's prefix is stripped from names (tested below), saxes keeps it.
  const r = { ...root, name: "worksheet" };
  const xml = `${bom ? "\uFEFF" : ""}${decl ? '<?xml version="1.0" encoding="UTF-8"?>\n' : ""}${serialize(r, (x) => x.name.length % 2 === 0)}\n`;
  return { xml, names: attrNamesInOrder(r) };
});

function reasonOf(f: () => unknown): string {
  try {
    f();
    return "read";
  } catch (e) {
    if (e instanceof ReaderFailure) return e.reason;
    throw e;
  }
}

function scanAll(xml: string, maxDepth = 64, oneStep = false): void {
  const s = new XmlScanner(Buffer.from(xml, "utf8"), "part.xml", maxDepth);
  for (let ev = s.next(); ev !== END; ev = s.next()) {
    if (ev === OPEN) {
      s.attr("a");
      if (oneStep && s.textThenClose()) s.textOf(s.start, s.end);
    } else if (ev !== CLOSE) s.text();
  }
}

describe("XmlScanner", () => {
  it("gives the same elements, attributes and text as saxes on random well-formed XML", () => {
    fc.assert(
      fc.property(documentArb, ({ xml, names }) => {
        const body = xml.startsWith("\uFEFF") ? xml.slice(1) : xml;
        expect(withScanner(xml, (i) => names[i] ?? [])).toEqual(withSaxes(body));
      }),
      { numRuns: 400 },
    );
  });

  it("gives the same text and end tags through textThenClose (one step for text-only elements)", () => {
    fc.assert(
      fc.property(documentArb, ({ xml, names }) => {
        const body = xml.startsWith("\uFEFF") ? xml.slice(1) : xml;
        expect(withScanner(xml, (i) => names[i] ?? [], true)).toEqual(withSaxes(body));
      }),
      { numRuns: 400 },
    );
  });

  it("textThenClose takes '<v>12</v>' whole and leaves any other shape to the events", () => {
    const s = new XmlScanner(Buffer.from('<w><v>12</v><v/><v>a<b/></v><v><![CDATA[x]]></v><v>&amp;</v ></w>'), "p", 8);
    const taken: string[] = [];
    for (let ev = s.next(); ev !== END; ev = s.next()) if (ev === OPEN && s.name === "v") taken.push(s.textThenClose() ? s.textOf(s.start, s.end) : "-");
    expect(taken).toEqual(["12", "-", "-", "-", "&"]);
  });

  it("refuses a document cut anywhere before its end, read with textThenClose too", () => {
    fc.assert(
      fc.property(documentArb, fc.nat(), ({ xml }, at) => {
        const bytes = Buffer.from(xml.trimEnd(), "utf8");
        const cut = bytes.subarray(0, at % bytes.length).toString("latin1");
        expect(reasonOf(() => scanAll(cut, 64, true))).toBe("corrupt");
      }),
      { numRuns: 300 },
    );
  });

  it("refuses a document cut anywhere before its end", () => {
    fc.assert(
      fc.property(documentArb, fc.nat(), ({ xml }, at) => {
        const bytes = Buffer.from(xml.trimEnd(), "utf8");
        const cut = bytes.subarray(0, at % bytes.length).toString("latin1");
        expect(reasonOf(() => scanAll(cut))).toBe("corrupt");
      }),
      { numRuns: 300 },
    );
  });

  it("strips the root element's prefix from names, and only that one", () => {
    const s = new XmlScanner(Buffer.from('<x:worksheet xmlns:x="m"><x:c r="A1"><mc:v/></x:c></x:worksheet>'), "p", 8);
    const names: string[] = [];
    for (let ev = s.next(); ev !== END; ev = s.next()) if (ev === OPEN) names.push(s.name);
    expect(names).toEqual(["worksheet", "c", "mc:v"]);
  });

  it.each([
    ["a DTD", '<!DOCTYPE w [<!ENTITY a "b">]><w>&a;</w>', "dtd"],
    ["an entity declared inside the root", '<w><!ENTITY a "b"></w>', "dtd"],
    ["an undeclared entity", "<w>&lol;</w>", "corrupt"],
    ["a bare ampersand", "<w>fish & chips</w>", "corrupt"],
    ["a bare ampersand in an attribute (checked when it is read)", '<w a="x & y"/>', "corrupt"],
    ["a character reference to nothing", "<w>&#0;</w>", "corrupt"],
    ["tags that do not match", "<w><c></v></w>", "corrupt"],
    ["two roots", "<w/><w/>", "corrupt"],
    ["text outside the root", "<w/>text", "corrupt"],
    ["an attribute without quotes", "<w a=1/>", "corrupt"],
    ["attributes run together", '<w a="1"b="2"/>', "corrupt"],
    ["< in an attribute value", '<w a="<"/>', "corrupt"],
    ["an unknown <! markup", "<w><!foo></w>", "corrupt"],
    ["nothing at all", "   ", "corrupt"],
    ["elements nested deeper than the limit", `${"<a>".repeat(9)}${"</a>".repeat(9)}`, "too-deep"],
    ["elements nested up to the limit", `${"<a>".repeat(8)}${"</a>".repeat(8)}`, "read"],
  ])("%s: %s", (_, xml, reason) => {
    expect(reasonOf(() => scanAll(xml, 8))).toBe(reason);
  });
});

describe("numberAt", () => {
  const at = (text: string): number => numberAt(Buffer.from(text, "latin1"), 0, text.length);

  it("reads every double's shortest text as Number does", () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true }), (x) => {
        expect(Object.is(at(String(x)), Number(String(x)))).toBe(true);
      }),
    );
  });

  it("reads plain decimals of any length as Number does", () => {
    fc.assert(
      fc.property(fc.stringMatching(/^-?\d{0,20}(\.\d{0,25})?$/), (text) => {
        expect(Object.is(at(text), Number(text))).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  it.each(["1E-3", " 12 ", "0x10", "-", ".", "", "Infinity", "12a", "-0", "0.1", "483798.75"])("%j as Number reads it", (text) => {
    expect(Object.is(at(text), Number(text))).toBe(true);
  });
});
