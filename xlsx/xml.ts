/**
 * Streaming XML with the reader's safety rules, on saxes: no DTD (so no entity expansion, no
 * billion laughs), a bounded element depth, and element names without their namespace prefix
 * (`<x:row>` as the .NET Open XML SDK writes is `row`).
 */
import { SaxesParser } from "saxes";
import { ReaderFailure } from "./errors.ts";

/**
 * Callbacks of {@link parseXml}; `name` is the element name without the part's namespace prefix
 * (see {@link parseXml}).
 */
export interface XmlHandlers {
  open(name: string, attributes: Record<string, string>): void;
  close?(name: string): void;
  text?(text: string): void;
}

/** UTF-8 text of a part (Buffer's decoder: measurably faster than TextDecoder on megabytes), BOM dropped. */
function decode(bytes: Uint8Array): string {
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString("utf8");
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** The part of a qualified name after its prefix. */
export function localName(qname: string): string {
  const i = qname.indexOf(":");
  return i < 0 ? qname : qname.slice(i + 1);
}

/**
 * Parses one XML part, calling `handlers` as elements open and close.
 * @param part the part name, for error details
 * @throws ReaderFailure "dtd", "too-deep" or "corrupt" (not well-formed); errors thrown by a
 *   handler pass through unchanged.
 */
export function parseXml(bytes: Uint8Array, part: string, maxDepth: number, handlers: XmlHandlers): void {
  const parser = new SaxesParser({ xmlns: false, position: false });
  let depth = 0;
  // The root element's prefix is the part's own namespace prefix ("" for a default namespace,
  // "x" for the .NET SDK's output): element names lose it. Elements under any other prefix
  // (extensions such as mc:AlternateContent) keep theirs, so they never pass for ours. Cheaper than
  // resolving namespaces on every element of a million-cell sheet.
  let strip = -1;
  let prefix = "";
  const nameOf = (qname: string): string =>
    strip > 0 && qname.length > strip && qname.startsWith(prefix) ? qname.slice(strip) : qname;
  parser.on("doctype", () => {
    throw new ReaderFailure("dtd", part);
  });
  parser.on("opentag", (tag) => {
    if (++depth > maxDepth) throw new ReaderFailure("too-deep", part);
    if (strip < 0) {
      const colon = tag.name.indexOf(":");
      prefix = colon < 0 ? "" : tag.name.slice(0, colon + 1);
      strip = prefix.length;
    }
    handlers.open(nameOf(tag.name), tag.attributes as Record<string, string>);
  });
  // saxes also emits "closetag" for a self-closing element, right after its "opentag".
  parser.on("closetag", (tag) => {
    depth--;
    handlers.close?.(nameOf(tag.name));
  });
  if (handlers.text) parser.on("text", handlers.text);
  parser.on("error", (cause) => {
    throw new ReaderFailure("corrupt", part, { cause });
  });
  parser.write(decode(bytes)).close();
}
