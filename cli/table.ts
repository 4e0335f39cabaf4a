/** Plain-text tables for the human report: columns padded to width, numbers right-aligned. */

/** A column: heading and whether its cells align right (numbers, money). */
export interface Column {
  heading: string;
  right?: boolean;
  /** Longest cell text shown; longer text is cut with "…". */
  max?: number;
}

function fit(text: string, max: number | undefined): string {
  if (max === undefined || text.length <= max) return text;
  return `${text.slice(0, Math.max(0, max - 1))}…`;
}

/** Renders rows under the headings with a rule below the heading row. */
export function renderTable(columns: readonly Column[], rows: readonly (readonly string[])[]): string {
  const cells = rows.map((r) => columns.map((c, i) => fit(r[i] ?? "", c.max)));
  const widths = columns.map((c, i) => Math.max(c.heading.length, ...cells.map((r) => (r[i] ?? "").length)));
  const line = (r: readonly string[]): string =>
    columns
      .map((c, i) => {
        const w = widths[i] ?? 0;
        const v = r[i] ?? "";
        return c.right ? v.padStart(w) : v.padEnd(w);
      })
      .join("  ")
      .trimEnd();
  return [
    line(columns.map((c) => c.heading)),
    widths.map((w) => "-".repeat(w)).join("  "),
    ...cells.map(line),
  ].join("\n");
}
