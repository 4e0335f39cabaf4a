/** The Overview's tables: PRL by priority/line with the strict gap, and budget roll-ups. */
import { mergeClasses } from "@fluentui/react-components";
import { useLocale } from "../hooks/contexts.ts";
import { formatMoney, formatMoneyShort, formatPercent } from "../format.ts";
import type { PrlRow, Rollup } from "./overview-model.ts";
import { useTableStyles } from "./table-styles.ts";
import { PrlArrow } from "./PrlArrow.tsx";
import { scopeKey, type PrlChange } from "./readiness-model.ts";

export interface PrlTableProps {
  rows: readonly PrlRow[];
  /** The change of each row since the compare date (readiness-model.ts `prlChanges`), when compared. */
  changes?: ReadonlyMap<string, PrlChange>;
  /** The compare date as shown, heading the change column. */
  since?: string;
}

export function PrlTable({ rows, changes, since }: PrlTableProps) {
  const s = useTableStyles();
  const { t } = useLocale();
  return (
    <table className={s.table} data-testid="prl-table">
      <caption className={s.caption}>{t("overview.prl-title")}</caption>
      <thead>
        <tr>
          <th className={s.th} scope="col">
            {t("overview.code")}
          </th>
          <th className={s.th} scope="col">
            {t("overview.name")}
          </th>
          <th className={mergeClasses(s.th, s.num)} scope="col">
            {t("overview.prl")}
          </th>
          <th className={mergeClasses(s.th, s.num)} scope="col" title={t("overview.gap-hint")}>
            {t("overview.prl-strict")}
          </th>
          {changes && (
            <th className={mergeClasses(s.th, s.num)} scope="col">
              {t("readiness.since", { date: since ?? "" })}
            </th>
          )}
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr
            key={`${r.kind}:${r.code}`}
            data-kind={r.kind}
            data-code={r.code}
            data-prl={r.prl}
            data-strict={r.strict}
          >
            <td className={mergeClasses(s.td, r.kind === "priority" ? s.strong : s.indent)}>{r.code}</td>
            <td className={mergeClasses(s.td, r.kind === "priority" && s.strong)}>{r.title}</td>
            <td className={mergeClasses(s.td, s.num, r.kind === "priority" && s.strong)}>{r.prl}</td>
            <td className={mergeClasses(s.td, s.num)}>
              {r.strict}
              {r.prl > r.strict ? ` (−${r.prl - r.strict})` : ""}
            </td>
            {changes && (
              <td className={mergeClasses(s.td, s.num)}>
                <PrlArrow change={changes.get(scopeKey(r.kind, r.code))} />
              </td>
            )}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export interface RollupTableProps {
  caption: string;
  /** Heading of the first column (what the rows are). */
  keyHeading: string;
  rows: readonly Rollup[];
  total?: Rollup;
  testId: string;
}

export function RollupTable({ caption, keyHeading, rows, total, testId }: RollupTableProps) {
  const s = useTableStyles();
  const { t, locale } = useLocale();
  const line = (r: Rollup, label: string, strong: boolean) => (
    <tr
      key={label}
      data-key={r.key}
      data-total={r.totalBudget}
      data-requested={r.requested}
      data-funded={r.funded}
    >
      <td className={mergeClasses(s.td, strong && s.strong)}>{label}</td>
      <td className={mergeClasses(s.td, s.num)}>{r.count}</td>
      <td className={mergeClasses(s.td, s.num)} title={formatMoney(r.totalBudget, locale)}>
        {formatMoneyShort(r.totalBudget, locale)}
      </td>
      <td className={mergeClasses(s.td, s.num)} title={formatMoney(r.requested, locale)}>
        {formatMoneyShort(r.requested, locale)}
      </td>
      <td className={mergeClasses(s.td, s.num)} title={formatMoney(r.funded, locale)}>
        {formatMoneyShort(r.funded, locale)}
      </td>
      <td className={mergeClasses(s.td, s.num)}>
        {formatPercent(r.successRate, locale, t("overview.not-applicable"))}
      </td>
    </tr>
  );
  return (
    <div className={s.scroll}>
      <table className={s.table} data-testid={testId}>
        <caption className={s.caption}>{caption}</caption>
        <thead>
          <tr>
            <th className={s.th} scope="col">
              {keyHeading}
            </th>
            <th className={mergeClasses(s.th, s.num)} scope="col" title={t("overview.count")}>
              {t("overview.count-short")}
            </th>
            <th className={mergeClasses(s.th, s.num)} scope="col" title={t("overview.total")}>
              {t("overview.total-short")}
            </th>
            <th className={mergeClasses(s.th, s.num)} scope="col">
              {t("overview.requested")}
            </th>
            <th className={mergeClasses(s.th, s.num)} scope="col">
              {t("overview.funded")}
            </th>
            <th className={mergeClasses(s.th, s.num)} scope="col" title={t("overview.success")}>
              {t("overview.success-short")}
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => line(r, r.key, false))}
          {total !== undefined && line(total, t("overview.all"), true)}
        </tbody>
      </table>
    </div>
  );
}
