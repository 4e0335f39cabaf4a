/**
 * From the styles part, the one thing the snapshot needs: which cell styles show a date, so that
 * a 1904 workbook's date serials can be moved to the 1900 system.
 */
import { isBuiltInDateFormat, isDateFormatCode } from "./dates.ts";
import { parseXml } from "./xml.ts";

/**
 * For each cell style index (`s` on a cell), whether its number format is a date or time.
 * @throws ReaderFailure on malformed or hostile XML
 */
export function parseDateStyles(bytes: Uint8Array, part: string, maxDepth: number): boolean[] {
  const customDate = new Map<number, boolean>();
  const styles: boolean[] = [];
  let inCellXfs = false;
  parseXml(bytes, part, maxDepth, {
    open(name, a) {
      if (name === "numFmt" && a.numFmtId !== undefined) {
        customDate.set(Number(a.numFmtId), isDateFormatCode(a.formatCode ?? ""));
      } else if (name === "cellXfs") {
        inCellXfs = true;
      } else if (name === "xf" && inCellXfs) {
        const id = Number(a.numFmtId ?? 0);
        styles.push(customDate.get(id) ?? isBuiltInDateFormat(id));
      }
    },
    close(name) {
      if (name === "cellXfs") inCellXfs = false;
    },
  });
  return styles;
}
