/**
 * Text as SpreadsheetML stores it: rich-text runs joined, phonetic runs (`rPh`) left out, and
 * the `_xHHHH_` escapes of characters XML cannot hold (ECMA-376 ST_Xstring) decoded.
 */
const ESCAPE = /_x([0-9A-Fa-f]{4})_/g;

/** Decodes `_xHHHH_` escapes ("a_x000D_b" → "a\rb"). */
export function unescapeXstring(s: string): string {
  return s.includes("_x") ? s.replace(ESCAPE, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))) : s;
}

/**
 * Collects the text of one string item (`<si>` or `<is>`): every `<t>` not inside `<rPh>`.
 * Feed it the element events between the item's open and close.
 */
export class RichTextCollector {
  private parts = "";
  private inT = false;
  private phonetic = 0;

  open(name: string): void {
    if (name === "t") this.inT = this.phonetic === 0;
    else if (name === "rPh") this.phonetic++;
  }
  close(name: string): void {
    if (name === "t") this.inT = false;
    else if (name === "rPh") this.phonetic--;
  }
  /** Whether text now would be kept (inside a `<t>`, outside `<rPh>`): saves decoding the rest. */
  get wantsText(): boolean {
    return this.inT;
  }
  text(t: string): void {
    if (this.inT) this.parts += t;
  }
  /**
   * The item's text, and a fresh collector for the next one. The caller checks the text's length
   * against the limit and names the item only then (a large plan has tens of thousands of items,
   * each fine: not even a closure to name one is made for them).
   */
  take(): string {
    const s = unescapeXstring(this.parts);
    this.parts = "";
    this.inT = false;
    this.phonetic = 0;
    return s;
  }
}
