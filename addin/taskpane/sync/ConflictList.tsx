/** Conflicts side by side (mine vs. cloud, by field) with keep-mine / take-cloud per row. */
import { Button, makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import { fieldLabel } from "#addin/i18n/strings.ts";
import { useLocale } from "../hooks/contexts.ts";
import { useTableStyles } from "../overview/table-styles.ts";
import type { Conflict } from "./sync-engine.ts";
import { differingFields, valueText } from "./values-text.ts";

const useStyles = makeStyles({
  card: {
    border: `${tokens.strokeWidthThin} solid ${tokens.colorPaletteMarigoldBorder2}`,
    borderRadius: tokens.borderRadiusMedium,
    padding: tokens.spacingHorizontalS,
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
  },
  heading: { margin: 0, fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold },
  buttons: { display: "flex", gap: tokens.spacingHorizontalS, flexWrap: "wrap" },
  changed: { backgroundColor: tokens.colorPaletteYellowBackground1 },
});

export interface ConflictListProps {
  conflicts: readonly Conflict[];
  disabled: boolean;
  onResolve(conflict: Conflict, choice: "mine" | "cloud"): void;
  /** Shows the row's history (to see who changed what before choosing). */
  onHistory(entity: string, key: string): void;
}

export function ConflictList({ conflicts, disabled, onResolve, onHistory }: ConflictListProps) {
  const styles = useStyles();
  const s = useTableStyles();
  const { t } = useLocale();
  if (conflicts.length === 0) return null;
  return (
    <section aria-label={t("sync.conflicts", { count: conflicts.length })} data-testid="conflicts">
      <h3 className={styles.heading}>{t("sync.conflicts", { count: conflicts.length })}</h3>
      {conflicts.map((c) => {
        const mine = c.mine.deleted === true ? {} : c.mine.values;
        const cloud = c.cloud.deleted ? {} : c.cloud.values;
        const fields = differingFields(mine, cloud);
        return (
          <div key={`${c.entity}:${c.key}`} className={styles.card} data-testid="conflict" data-key={c.key}>
            <table className={s.table}>
              <caption className={s.caption}>
                {c.key} · {t("sync.cloud")}: v{c.cloud.version}, {c.cloud.updatedBy}
              </caption>
              <thead>
                <tr>
                  <th className={s.th} scope="col">
                    {t("sync.field")}
                  </th>
                  <th className={s.th} scope="col">
                    {t("sync.mine")}
                  </th>
                  <th className={s.th} scope="col">
                    {t("sync.cloud")}
                  </th>
                </tr>
              </thead>
              <tbody>
                {fields.map((f) => (
                  <tr key={f} data-field={f}>
                    <th className={s.td} scope="row">
                      {fieldLabel(t, f)}
                    </th>
                    <td className={mergeClasses(s.td, styles.changed)} data-side="mine">
                      {c.mine.deleted ? t("sync.tombstone") : valueText(mine[f])}
                    </td>
                    <td className={mergeClasses(s.td, styles.changed)} data-side="cloud">
                      {c.cloud.deleted ? t("sync.tombstone") : valueText(cloud[f])}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
            <div className={styles.buttons}>
              <Button disabled={disabled} onClick={() => onResolve(c, "mine")} data-testid="keep-mine">
                {t("sync.keep-mine")}
              </Button>
              <Button disabled={disabled} onClick={() => onResolve(c, "cloud")} data-testid="take-cloud">
                {t("sync.take-cloud")}
              </Button>
              <Button appearance="subtle" disabled={disabled} onClick={() => onHistory(c.entity, c.key)}>
                {t("sync.history")}
              </Button>
            </div>
          </div>
        );
      })}
    </section>
  );
}
