/**
 * Streaming XML with the reader's safety rules, on saxes: no DTD (so no entity expansion, no
 * billion laughs), a bounded element depth, and element names without their namespace prefix
 * (`<x:row>` as the .NET Open XML SDK writes is `row`).
 */
import { SaxesParser } from "saxes";
import { ReaderFailure } from "./errors.ts";

/** Callbacks of {@link parseXml}; `name` is the local name (prefix removed). */
export interface XmlHandlers {
  open(name: string, attributes: Record<string, string>): void;
  close?(name: string): void;
  text?(text: string): void;
}

const decoder = new TextDecoder("utf-8");

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
  parser.on("doctype", () => {
    throw new ReaderFailure("dtd", part);
  });
  parser.on("opentag", (tag) => {
    if (++depth > maxDepth) throw new ReaderFailure("too-deep", part);
    handlers.open(localName(tag.name), tag.attributes as Record<string, string>);
  });
  // saxes also emits "closetag" for a self-closing element, right after its "opentag".
  parser.on("closetag", (tag) => {
    depth--;
    handlers.close?.(localName(tag.name));
  });
  if (handlers.text) parser.on("text", handlers.text);
  parser.on("error", (cause) => {
    throw new ReaderFailure("corrupt", part, { cause });
  });
  parser.write(decoder.decode(bytes)).close();
}
