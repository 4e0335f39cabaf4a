/** Conflicts side by side (mine vs. cloud, by field) with keep-mine / take-cloud per row. */
import { Button, makeStyles, tokens } from "@fluentui/react-components";
import { useLocale } from "../hooks/contexts.ts";
import { FieldDiffTable } from "./FieldDiffTable.tsx";
import type { Conflict } from "./sync-engine.ts";
import { rowDisplayName } from "#core/i18n/row-name.ts";
import { differingFields, valueText } from "./values-text.ts";
import { usePanelStyles } from "../styles/panel.ts";

const useStyles = makeStyles({
  card: {
    border: `${tokens.strokeWidthThin} solid ${tokens.colorPaletteMarigoldBorder2}`,
    borderRadius: tokens.borderRadiusMedium,
    padding: tokens.spacingHorizontalS,
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
  },
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
  const panel = usePanelStyles();
  const { t, locale } = useLocale();
  if (conflicts.length === 0) return null;
  return (
    <section aria-label={t("sync.conflicts", { count: conflicts.length })} data-testid="conflicts">
      <h3 className={panel.subheading}>{t("sync.conflicts", { count: conflicts.length })}</h3>
      {conflicts.map((c) => {
        const mine = c.mine.deleted === true ? {} : c.mine.values;
        const cloud = c.cloud.deleted ? {} : c.cloud.values;
        const fields = differingFields(mine, cloud);
        return (
          <div key={`${c.entity}:${c.key}`} className={styles.card} data-testid="conflict" data-key={c.key}>
            <FieldDiffTable
              caption={
                <>
                  {rowDisplayName(c.entity, c.key, locale, c.cloud.deleted ? mine : cloud)} · {t("sync.cloud")}: v{c.cloud.version}, {c.cloud.updatedBy}
                </>
              }
              headings={[t("sync.mine"), t("sync.cloud")]}
              sides={["mine", "cloud"]}
              valueClassName={styles.changed}
              rows={fields.map((f) => ({
                field: f,
                left: c.mine.deleted ? t("sync.tombstone") : valueText(mine[f], f, locale),
                right: c.cloud.deleted ? t("sync.tombstone") : valueText(cloud[f], f, locale),
              }))}
            />
            <div className={panel.buttons}>
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
