/**
 * Shared formulas (`<f t="shared" si="0"/>`): only the first cell of the group stores the text;
 * every other cell's formula is that text with its relative references moved by the cell's
 * offset from the first, as Excel shows it.
 */

/** Column letters → 1-based index ("A" → 1, "AA" → 27). */
export function columnIndex(letters: string): number {
  let n = 0;
  for (let i = 0; i < letters.length; i++) n = n * 26 + ((letters.charCodeAt(i) | 0x20) - 96);
  return n;
}

/** 1-based column index → letters (1 → "A", 27 → "AA"). */
export function columnLetters(index: number): string {
  let s = "";
  for (let n = index; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

const REF = /(\$?)([A-Za-z]{1,3})(\$?)(\d{1,7})(?![\w(.!])/g;
const MAX_ROW = 1_048_576;
const MAX_COL = 16_384;

function shiftSegment(seg: string, dRow: number, dCol: number): string {
  return seg.replace(REF, (whole: string, cAbs: string, col: string, rAbs: string, row: string, at: number) => {
    const before = at > 0 ? (seg[at - 1] as string) : "";
    // Part of a longer name (a function such as LOG10, a defined name, a number like 1E10).
    if (/[\w.]/.test(before)) return whole;
    const c = cAbs ? columnIndex(col) : columnIndex(col) + dCol;
    const r = rAbs ? Number(row) : Number(row) + dRow;
    if (columnIndex(col) > MAX_COL) return whole;
    if (c < 1 || r < 1 || c > MAX_COL || r > MAX_ROW) return "#REF!";
    return `${cAbs}${cAbs ? col.toUpperCase() : columnLetters(c)}${rAbs}${r}`;
  });
}

/**
 * Moves the relative A1 references of a formula by `dRow` rows and `dCol` columns; absolute
 * parts ($A, $1), text in double quotes and quoted sheet names stay as they are.
 *
 * @example shiftFormula("A1*2+$B$1", 2, 1) // "B3*2+$B$1"
 */
export function shiftFormula(formula: string, dRow: number, dCol: number): string {
  if (dRow === 0 && dCol === 0) return formula;
  let out = "";
  let i = 0;
  while (i < formula.length) {
    const q = formula.slice(i).search(/["']/);
    if (q < 0) {
      out += shiftSegment(formula.slice(i), dRow, dCol);
      break;
    }
    out += shiftSegment(formula.slice(i, i + q), dRow, dCol);
    const quote = formula[i + q] as string;
    // A quoted run ends at the next lone quote ("" and '' are escaped quotes inside it).
    let j = i + q + 1;
    for (;;) {
      const k = formula.indexOf(quote, j);
      if (k < 0) {
        j = formula.length;
        break;
      }
      if (formula[k + 1] === quote) j = k + 2;
      else {
        j = k + 1;
        break;
      }
    }
    out += formula.slice(i + q, j);
    i = j;
  }
  return out;
}
