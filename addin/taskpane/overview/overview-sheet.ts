/**
 * The overview sheet written into the workbook for the board: native tables (PRL by priority and
 * line, projects by PRL with a chart, budget by priority and programme). Money is written in euro
 * as numbers so Excel can format and sum them.
 */
import type { Translate } from "#addin/i18n/strings.ts";
import type { SheetTableSpec } from "../services.ts";
import type { OverviewModel, Rollup } from "./overview-model.ts";

function rollupRows(rows: readonly Rollup[]): (string | number | null)[][] {
  return rows.map((r) => [r.key, r.count, r.totalBudget / 100, r.requested / 100, r.funded / 100, r.successRate]);
}

/** The sheet spec for `model`, with headings in the UI language. */
export function overviewSheetSpec(model: OverviewModel, t: Translate): SheetTableSpec {
  const money = [t("overview.count"), t("overview.total"), t("overview.requested"), t("overview.funded"), t("overview.success")];
  return {
    sheet: t("overview.sheet-name"),
    title: t("overview.prl-title"),
    tables: [
      {
        name: "OverviewPrl",
        headers: [t("overview.code"), t("overview.name"), t("overview.prl"), t("overview.prl-strict"), t("overview.gap")],
        rows: model.prl.map((r) => [r.code, r.title, r.prl, r.strict, r.prl - r.strict]),
      },
      {
        name: "OverviewDistribution",
        headers: [t("overview.prl"), t("overview.count")],
        rows: model.distribution.map((count, level) => [level, count]),
        chart: { title: t("overview.distribution") },
      },
      { name: "OverviewByPriority", headers: [t("overview.by-priority"), ...money], rows: rollupRows([...model.byPriority, model.all]) },
      { name: "OverviewByProgramme", headers: [t("overview.by-programme"), ...money], rows: rollupRows(model.byProgramme) },
    ],
  };
}
