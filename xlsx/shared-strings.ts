/** The shared strings part: the text of every `t="s"` cell, by index. */
import { RichTextCollector } from "./text.ts";
import { parseXml } from "./xml.ts";

/**
 * Parses the shared strings part.
 * @throws ReaderFailure "string-too-long" (with the item's index) or on malformed/hostile XML
 */
export function parseSharedStrings(bytes: Uint8Array, part: string, maxDepth: number, maxLength: number): string[] {
  const out: string[] = [];
  const item = new RichTextCollector();
  let inItem = false;
  parseXml(bytes, part, maxDepth, {
    open(name) {
      if (name === "si") inItem = true;
      else if (inItem) item.open(name);
    },
    close(name) {
      if (name === "si") {
        inItem = false;
        out.push(item.take(maxLength, `${part} #${out.length}`));
      } else if (inItem) item.close(name);
    },
    text(t) {
      if (inItem) item.text(t);
    },
  });
  return out;
}
