/** Per-row results of the last push; rows that need attention first. */
import { Badge, mergeClasses } from "@fluentui/react-components";
import type { RowResult } from "#core/sync/protocol.ts";
import type { StringKey } from "#addin/i18n/strings.ts";
import { renderMessage } from "#core/i18n/messages.ts";
import { rowDisplayName } from "#core/i18n/row-name.ts";
import { useLocale } from "../hooks/contexts.ts";
import { useTableStyles } from "../overview/table-styles.ts";
import type { ShownResult } from "./resolved-results.ts";

/** Rows shown: the first ones needing attention are what matters on a 10 000-row push. */
const SHOWN = 200;
const ORDER = { conflict: 0, invalid: 1, applied: 2, unchanged: 3 } as const;
const COLOR = {
  conflict: "warning",
  invalid: "danger",
  applied: "success",
  unchanged: "informative",
} as const;

export function PushResults({ results }: { results: readonly (RowResult | ShownResult)[] }) {
  const s = useTableStyles();
  const { t, locale } = useLocale();
  const rows = [...results].sort((a, b) => ORDER[a.status] - ORDER[b.status]).slice(0, SHOWN);
  return (
    <table className={s.table} data-testid="push-results">
      <caption className={s.caption}>{t("sync.result")}</caption>
      <thead>
        <tr>
          <th className={s.th} scope="col">
            {t("sync.kind")}
          </th>
          <th className={s.th} scope="col">
            {t("sync.key")}
          </th>
          <th className={s.th} scope="col">
            {t("sync.result")}
          </th>
          <th className={mergeClasses(s.th, s.num)} scope="col">
            {t("sync.version")}
          </th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
<tr
            key={`${r.entity}:${r.key}`}
            data-key={r.key}
            data-status={r.status}
            data-resolved={"resolved" in r ? r.resolved : undefined}
          >
            <td className={mergeClasses(s.td, s.nowrap)}>{t(`sync.kind.${r.entity}` as StringKey)}</td>
            <td className={s.td}>{rowDisplayName(r.entity, r.key, locale)}</td>
            <td className={s.td}>
              {/* nowrap: the cell wraps anywhere (long messages), the pill never ("Applicat/a"). */}
              <Badge appearance="tint" color={COLOR[r.status]} className={s.nowrap}>
                {"resolved" in r && r.resolved !== undefined
                  ? t(`sync.resolution.${r.resolved}`)
                  : t(`sync.status.${r.status}` as StringKey)}
              </Badge>
              {r.issues?.map((i, n) => (
                <div key={n}>
                  {i.sheet}!{i.cell}: {i.params ? renderMessage(i.code, i.params, locale) : i.message}
                </div>
              ))}
            </td>
            <td className={mergeClasses(s.td, s.num)}>{r.version ?? ""}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
