/**
 * Totals rows (SPEC §3): never entities, but their money cells are checked against the computed
 * sums of the rows above — since the previous totals row (a subtotal) or since the header (a grand
 * total); a value matching neither is a warning naming both values.
 */
import type { Cents } from "#core/model.ts";
import { formatMoney } from "#core/values/index.ts";
import { locate } from "#core/validate/problem.ts";
import { readMoney, toCell } from "#core/validate/fields/cells.ts";
import type { ReadCtx, SheetRead } from "./sheet-read.ts";

/** Running sums of a sheet's money columns. */
export class RunningSums {
  private readonly section = new Map<string, Cents>();
  private readonly all = new Map<string, Cents>();

  constructor(private readonly fields: readonly string[]) {
    for (const f of fields) {
      this.section.set(f, 0);
      this.all.set(f, 0);
    }
  }

  /** Adds an entity's amount (undefined counts as 0). */
  add(field: string, amount: Cents | undefined): void {
    if (amount === undefined) return;
    this.section.set(field, (this.section.get(field) ?? 0) + amount);
    this.all.set(field, (this.all.get(field) ?? 0) + amount);
  }

  /**
   * Checks a totals row's money cells and starts a new section. Returns the stated values that
   * matched the computed sums (callers run further checks on them).
   */
  checkRow(read: SheetRead, row: number, ctx: ReadCtx): Map<string, Cents> {
    const matched = new Map<string, Cents>();
    for (const field of this.fields) {
      const info = read.place.columns.get(field);
      if (info === undefined) continue;
      const raw = read.grid.cell(row, info.col);
      const stated = readMoney(toCell(raw), ctx.locale);
      if (!stated.ok || stated.value === undefined) continue;
      const section = this.section.get(field) ?? 0;
      const all = this.all.get(field) ?? 0;
      if (Math.abs(stated.value - section) > 1 && Math.abs(stated.value - all) > 1) {
        ctx.issues.push(
          locate(
            {
              severity: "warning",
              code: "totals.mismatch",
              field,
              value: raw,
              params: { stated: formatMoney(stated.value, ctx.messagesLocale), computed: formatMoney(section, ctx.messagesLocale) },
            },
            { sheet: read.place, row },
            ctx.messagesLocale,
          ),
        );
      } else matched.set(field, stated.value);
      this.section.set(field, 0);
    }
    return matched;
  }
}
