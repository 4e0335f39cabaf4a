/** The shared strings part: the text of every `t="s"` cell, by index. */
import { ReaderFailure } from "./errors.ts";
import { RichTextCollector } from "./text.ts";
import { CLOSE, END, OPEN, XmlScanner } from "./xml-scan.ts";

/**
 * Parses the shared strings part (tens of thousands of items in a large plan, hence the fast
 * tokenizer of xml-scan.ts).
 * @throws ReaderFailure "string-too-long" (with the item's index) or on malformed/hostile XML
 */
export function parseSharedStrings(bytes: Uint8Array, part: string, maxDepth: number, maxLength: number): string[] {
  const out: string[] = [];
  const item = new RichTextCollector();
  const xml = new XmlScanner(bytes, part, maxDepth);
  let inItem = false;
  for (let ev = xml.next(); ev !== END; ev = xml.next()) {
    if (ev === OPEN) {
      if (xml.name === "si") inItem = true;
      else if (inItem) {
        item.open(xml.name);
        // "<t>text</t>" in one step, as its TEXT and CLOSE events would give it.
        if (xml.name === "t" && xml.textThenClose()) {
          if (item.wantsText) item.text(xml.textOf(xml.start, xml.end));
          item.close("t");
        }
      }
    } else if (ev === CLOSE) {
      if (xml.name === "si") {
        inItem = false;
        const text = item.take();
        if (text.length > maxLength) throw new ReaderFailure("string-too-long", `${part} #${out.length}`);
        out.push(text);
      } else if (inItem) item.close(xml.name);
    } else if (inItem && item.wantsText) item.text(xml.text());
  }
  return out;
}
