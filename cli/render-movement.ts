/** The human form of `actionplan movement`: one row per project that moved, arrows spelled out. */
import { NOT_AVAILABLE, outcomeWord } from "#core/i18n/vocabulary.ts";
import { prlDelta, type MovementEntry, type MovementJson } from "#core/report/movement.ts";
import type { Locale } from "#core/snapshot/types.ts";
import { formatMoney } from "#core/values/index.ts";
import { t } from "./strings.ts";
import { renderTable } from "./table.ts";

/** "6 → 8 (+2)": the change in words and signs, never only a colour or an arrow glyph. */
export function prlChange(e: Pick<MovementEntry, "before" | "after">): string {
  const d = prlDelta(e.before?.prl, e.after?.prl);
  const from = e.before === undefined ? "–" : String(e.before.prl);
  const to = e.after === undefined ? "–" : String(e.after.prl);
  return `${from} → ${to} (${d > 0 ? "+" : ""}${d})`;
}

const money = (euro: number | undefined, locale: Locale): string =>
  euro === undefined ? "–" : formatMoney(Math.round(euro * 100), locale);

const pair = (a: string, b: string): string => (a === b ? a : `${a} → ${b}`);

export function renderMovement(m: MovementJson, locale: Locale): string {
  const head = t("mov.heading", locale, { plan: m.plan, from: m.from, to: m.to });
  if (m.projects.length === 0) return `${head}\n${t("mov.none", locale)}`;
  const rows = m.projects.map((e) => [
    e.project,
    t(`mov.kind.${e.kind}`, locale),
    prlChange(e),
    pair(
      e.before ? outcomeWord(e.before.outcome, locale) : "–",
      e.after ? outcomeWord(e.after.outcome, locale) : "–",
    ),
    pair(money(e.before?.requested, locale), money(e.after?.requested, locale)),
    pair(money(e.before?.funded, locale), money(e.after?.funded, locale)),
    e.at ?? NOT_AVAILABLE[locale],
    e.by ?? NOT_AVAILABLE[locale],
  ]);
  const cols = (
    ["col.project", "col.change", "col.prl", "col.outcome", "col.requested", "col.funded", "col.when", "col.by"] as const
  ).map((k) => ({ heading: t(k, locale) }));
  const more = m.omitted ? `\n${t("mov.omitted", locale, { count: m.omitted })}` : "";
  return `${head}\n${renderTable(cols, rows)}${more}`;
}
