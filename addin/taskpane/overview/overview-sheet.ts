/**
 * The overview sheet written into the workbook for the board: one native table with a row per
 * priority and line (PRL, strict PRL, projects, budget, requested, funded, success rate) and a
 * column chart of it. Money is written in euro as numbers so Excel can format and sum them.
 */
import type { CellValue } from "#core/snapshot/types.ts";
import type { Translate } from "#addin/i18n/strings.ts";
import type { SheetTableSpec } from "../services.ts";
import type { Locale } from "#core/snapshot/types.ts";
import { formatDateTime } from "#core/i18n/formats.ts";
import { outcomeWord } from "#core/i18n/vocabulary.ts";
import type { OverviewModel, Rollup } from "./overview-model.ts";
import { movementText, type MovementEntry } from "./movement-text.ts";

function money(r: Rollup | undefined): CellValue[] {
  if (r === undefined) return [0, 0, 0, 0, null];
  return [r.count, r.totalBudget / 100, r.requested / 100, r.funded / 100, r.successRate];
}

/** The movement to add under the table: since when (as shown), its entries, the language of its words. */
export interface SheetMovement {
  since: string;
  entries: readonly MovementEntry[];
  locale: Locale;
}

/** The movement as a second table: project, change in words, PRL and outcome before and after, when, by whom. */
function movementTable(m: SheetMovement, t: Translate): NonNullable<SheetTableSpec["below"]> {
  const rows: CellValue[][] = [
    [
      t("readiness.sheet-project"),
      t("overview.name"),
      t("readiness.sheet-change"),
      t("readiness.sheet-prl-before"),
      t("readiness.sheet-prl-after"),
      t("readiness.sheet-outcome-before"),
      t("readiness.sheet-outcome-after"),
      t("readiness.sheet-when"),
      t("readiness.sheet-by"),
    ],
  ];
  for (const e of m.entries)
    rows.push([
      e.project,
      e.title ?? "",
      movementText(e, t, m.locale),
      e.before?.prl ?? null,
      e.after?.prl ?? null,
      outcomeWord(e.before?.outcome, m.locale),
      outcomeWord(e.after?.outcome, m.locale),
      e.at === undefined ? "" : formatDateTime(e.at, m.locale),
      e.by ?? "",
    ]);
  return { title: t("readiness.sheet-heading", { date: m.since }), rows };
}

/** The sheet spec for `model`, with headings in the UI language; with `movement`, a second table of it. */
export function overviewSheetSpec(
  model: OverviewModel,
  t: Translate,
  movement?: SheetMovement,
): SheetTableSpec {
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
    ...(movement === undefined ? {} : { below: movementTable(movement, t) }),
  };
}
