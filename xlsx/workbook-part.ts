/** The workbook part: its sheets in order with their state and relationship, and its date system. */
import { parseXml } from "./xml.ts";

/** One `<sheet>` of the workbook part. */
export interface SheetEntry {
  readonly name: string;
  readonly state: "visible" | "hidden" | "veryHidden";
  /** The relationship id (`r:id`) naming the sheet's part. */
  readonly relId: string | undefined;
}

/** What the workbook part says. */
export interface WorkbookPart {
  readonly sheets: SheetEntry[];
  /** Dates count from 1904-01-01 (Mac Excel's old default). */
  readonly date1904: boolean;
  /**
   * `<calcPr fullCalcOnLoad="1">`: the writer asks for everything to be calculated on opening, so
   * no formula result in the file was calculated by a spreadsheet (openpyxl and XlsxWriter set it
   * and save no result, or XlsxWriter's placeholder 0). ECMA-376 part 1, 18.2.2: an application
   * resets it once it has calculated, so a workbook saved by Excel or LibreOffice never has it.
   */
  readonly fullCalcOnLoad: boolean;
}

const RELATIONSHIPS_NS = /\/relationships$/;

/**
 * Parses the workbook part. The relationship attribute's prefix is whatever the writer declared
 * for the relationships namespace (`r:` by convention, anything in the .NET SDK's output).
 * @throws ReaderFailure on malformed or hostile XML
 */
export function parseWorkbookPart(bytes: Uint8Array, part: string, maxDepth: number): WorkbookPart {
  const sheets: SheetEntry[] = [];
  const relPrefixes = new Set<string>();
  let date1904 = false;
  let fullCalcOnLoad = false;
  const isTrue = (v: string | undefined): boolean => v === "1" || v === "true";
  parseXml(bytes, part, maxDepth, {
    open(name, a) {
      for (const key in a) {
        if (key.startsWith("xmlns:") && RELATIONSHIPS_NS.test(a[key] as string)) relPrefixes.add(key.slice(6));
      }
      if (name === "workbookPr") {
        date1904 = isTrue(a.date1904);
      } else if (name === "calcPr") {
        fullCalcOnLoad = isTrue(a.fullCalcOnLoad);
      } else if (name === "sheet") {
        let relId: string | undefined;
        for (const key in a) {
          const colon = key.indexOf(":");
          if (colon > 0 && key.slice(colon + 1) === "id" && relPrefixes.has(key.slice(0, colon))) relId = a[key];
        }
        const state = a.state === "hidden" || a.state === "veryHidden" ? a.state : "visible";
        sheets.push({ name: a.name ?? "", state, relId });
      }
    },
  });
  return { sheets, date1904, fullCalcOnLoad };
}
