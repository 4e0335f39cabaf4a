/** How a wire value is shown in the sync tables (short, plain text). */
export function valueText(v: unknown): string {
  if (v === undefined || v === null || v === "") return "—";
  if (Array.isArray(v)) return v.map(valueText).join(", ");
  if (typeof v === "object") {
    return Object.entries(v as Record<string, unknown>)
      .filter(([, x]) => x !== undefined && x !== false)
      .map(([k, x]) => (x === true ? k : `${k}: ${valueText(x)}`))
      .join(", ");
  }
  return String(v);
}

/** The fields of two rows whose values differ, in name order, for side-by-side views. */
export function differingFields(a: Record<string, unknown>, b: Record<string, unknown>): string[] {
  const names = new Set([...Object.keys(a), ...Object.keys(b)]);
  return [...names].filter((n) => JSON.stringify(a[n] ?? null) !== JSON.stringify(b[n] ?? null)).sort();
}
