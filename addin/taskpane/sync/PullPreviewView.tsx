/** The incoming changes of a pull, shown before anything is written into the sheet. */
import { Badge, Button, Text, makeStyles, tokens } from "@fluentui/react-components";
import { useLocale } from "../hooks/contexts.ts";
import { FieldDiffTable } from "./FieldDiffTable.tsx";
import type { PullPreview } from "./sync-engine.ts";
import { valueText } from "./values-text.ts";
import { usePanelStyles } from "../styles/panel.ts";

const useStyles = makeStyles({
  buttons: { display: "flex", gap: tokens.spacingHorizontalS },
  item: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXXS },
});

export interface PullPreviewProps {
  preview: PullPreview;
  disabled: boolean;
  onApply(): void;
  onCancel(): void;
}

export function PullPreviewView({ preview, disabled, onApply, onCancel }: PullPreviewProps) {
  const styles = useStyles();
  const panel = usePanelStyles();
  const { t } = useLocale();
  // Changes that only move a version (my own earlier push, a row already deleted here) are
  // applied silently.
  const visible = preview.items.filter((i) => i.versionOnly !== true);
  return (
    <section
      className={panel.section}
      aria-label={t("sync.pull-preview", { count: visible.length })}
      data-testid="pull-preview"
      data-count={visible.length}
    >
      <h3 className={panel.subheading}>{t("sync.pull-preview", { count: visible.length })}</h3>
      {visible.length === 0 && <Text>{t("sync.pull-none")}</Text>}
      {visible.map((i) => (
        <div
          key={`${i.change.entity}:${i.change.key}`}
          className={styles.item}
          data-testid="pull-item"
          data-key={i.change.key}
        >
          <Text weight="semibold">
            {i.change.key} · v{i.change.version} · {i.change.updatedBy}{" "}
            {i.isNew && <Badge color="informative">{t("sync.new-row")}</Badge>}
            {i.change.deleted && <Badge color="danger">{t("sync.deleted-row")}</Badge>}
            {i.locallyChanged && <Badge color="warning">{t("sync.status.conflict")}</Badge>}
          </Text>
          {i.fields.length > 0 && (
            <FieldDiffTable
              headings={[t("sync.current"), t("sync.incoming")]}
              rows={i.fields.map((f) => ({
                field: f.field,
                left: valueText(f.mine),
                right: valueText(f.incoming),
              }))}
            />
          )}
        </div>
      ))}
      <div className={styles.buttons}>
        <Button appearance="primary" disabled={disabled} onClick={onApply} data-testid="pull-apply">
          {t("sync.pull-apply")}
        </Button>
        <Button disabled={disabled} onClick={onCancel}>
          {t("sync.pull-cancel")}
        </Button>
      </div>
    </section>
  );
}
