/** A field-by-field comparison of one row: field name, then two versions side by side. */
import type { ReactNode } from "react";
import { mergeClasses } from "@fluentui/react-components";
import { fieldLabel } from "#addin/i18n/strings.ts";
import { useLocale } from "../hooks/contexts.ts";
import { useTableStyles } from "../overview/table-styles.ts";

/** One compared field: its key (label looked up) and the two values already rendered. */
export interface FieldDiffRow {
  field: string;
  left: ReactNode;
  right: ReactNode;
}

export interface FieldDiffTableProps {
  /** Column headings of the two sides (after the "Field" column). */
  headings: readonly [ReactNode, ReactNode];
  rows: readonly FieldDiffRow[];
  caption?: ReactNode;
  /** Extra class of both value cells (e.g. to mark them changed). */
  valueClassName?: string;
  /** `data-side` of the two value cells, for tests and styling; none when omitted. */
  sides?: readonly [string, string];
}

/**
 * Renders the comparison as a small Fluent-styled table.
 *
 * @example
 * <FieldDiffTable headings={[t("sync.mine"), t("sync.cloud")]} rows={[{ field: "title", left: "A", right: "B" }]} />
 */
export function FieldDiffTable({ headings, rows, caption, valueClassName, sides }: FieldDiffTableProps) {
  const s = useTableStyles();
  const { t } = useLocale();
  const cell = valueClassName === undefined ? s.td : mergeClasses(s.td, valueClassName);
  return (
    <table className={s.table}>
      {caption !== undefined && <caption className={s.caption}>{caption}</caption>}
      <thead>
        <tr>
          <th className={s.th} scope="col">
            {t("sync.field")}
          </th>
          <th className={s.th} scope="col">
            {headings[0]}
          </th>
          <th className={s.th} scope="col">
            {headings[1]}
          </th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.field} data-field={r.field}>
            <th className={s.td} scope="row">
              {fieldLabel(t, r.field)}
            </th>
            <td className={cell} data-side={sides?.[0]}>
              {r.left}
            </td>
            <td className={cell} data-side={sides?.[1]}>
              {r.right}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
