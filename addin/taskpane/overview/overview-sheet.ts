/**
 * The overview sheet written into the workbook for the board: one native table with a row per
 * priority and line (PRL, strict PRL, projects, budget, requested, funded, success rate) and a
 * column chart of it. Money is written in euro as numbers so Excel can format and sum them.
 */
import type { CellValue } from "#core/snapshot/types.ts";
import type { Translate } from "#addin/i18n/strings.ts";
import type { SheetTableSpec } from "../services.ts";
import type { OverviewModel, Rollup } from "./overview-model.ts";

function money(r: Rollup | undefined): CellValue[] {
  if (r === undefined) return [0, 0, 0, 0, null];
  return [r.count, r.totalBudget / 100, r.requested / 100, r.funded / 100, r.successRate];
}

/** The sheet spec for `model`, with headings in the UI language. */
export function overviewSheetSpec(model: OverviewModel, t: Translate): SheetTableSpec {
  const byPriority = new Map(model.byPriority.map((r) => [r.key, r]));
  const header = [
    t("overview.code"),
    t("overview.name"),
    t("overview.prl"),
    t("overview.prl-strict"),
    t("overview.count"),
    t("overview.total"),
    t("overview.requested"),
    t("overview.funded"),
    t("overview.success"),
  ];
  const rows: CellValue[][] = [header];
  for (const r of model.prl) {
    const rollup = r.kind === "priority" ? byPriority.get(r.code) : model.byLine[r.code];
    rows.push([r.code, r.title, r.prl, r.strict, ...money(rollup)]);
  }
  rows.push([t("overview.all"), "", null, null, ...money(model.all)]);
  return {
    sheet: t("overview.sheet-name"),
    rows,
    chart: { title: t("overview.prl-title") },
    note: t("overview.sheet-note"),
  };
}
