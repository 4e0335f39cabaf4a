/**
 * A small element tree from a strict XML parser (saxes): enough to query the manifest offline.
 * Parsing fails on any well-formedness error.
 */
import { SaxesParser } from "saxes";

export interface XmlElement {
  /** Local name (prefix removed), e.g. "Image" for "bt:Image". */
  name: string;
  attrs: Record<string, string>;
  children: XmlElement[];
  text: string;
}

/** Parses `xml`; throws on malformed XML. */
export function parseXml(xml: string): XmlElement {
  const parser = new SaxesParser({ xmlns: false });
  const root: XmlElement = { name: "#document", attrs: {}, children: [], text: "" };
  const stack: XmlElement[] = [root];
  parser.on("opentag", (tag) => {
    const attrs: Record<string, string> = {};
    for (const [k, v] of Object.entries(tag.attributes)) attrs[k] = String(v);
    const el: XmlElement = { name: tag.name.replace(/^.*:/, ""), attrs, children: [], text: "" };
    stack[stack.length - 1]?.children.push(el);
    stack.push(el);
  });
  parser.on("text", (t) => {
    const top = stack[stack.length - 1];
    if (top) top.text += t;
  });
  parser.on("closetag", () => {
    stack.pop();
  });
  parser.write(xml).close();
  const doc = root.children[0];
  if (!doc) throw new Error("empty document");
  return doc;
}

/** Every descendant element named `name` (local name), depth-first. */
export function findAll(el: XmlElement, name: string): XmlElement[] {
  const out: XmlElement[] = [];
  const visit = (e: XmlElement): void => {
    for (const c of e.children) {
      if (c.name === name) out.push(c);
      visit(c);
    }
  };
  visit(el);
  return out;
}

/** The first descendant at a path of local names ("VersionOverrides/Hosts/Host"). */
export function at(el: XmlElement, path: string): XmlElement | undefined {
  let cur: XmlElement | undefined = el;
  for (const part of path.split("/")) cur = cur?.children.find((c) => c.name === part);
  return cur;
}
