/**
 * The incoming changes of a pull, shown before anything is written into the sheet. Rows the file
 * holds other values for are not written unless the person ticks "take the cloud's version" (one
 * by one, or at once for every row without a base: rows edited since their base stay protected).
 */
import { useState } from "react";
import { Badge, Button, Checkbox, Text, makeStyles, tokens } from "@fluentui/react-components";
import { stateKey } from "#core/sync/state.ts";
import { useLocale } from "../hooks/contexts.ts";
import { FieldDiffTable } from "./FieldDiffTable.tsx";
import type { PullPreview } from "./sync-engine.ts";
import { takeAllUnbased } from "./pull.ts";
import { rowDisplayName } from "#core/i18n/row-name.ts";
import { valueText } from "./values-text.ts";
import { usePanelStyles } from "../styles/panel.ts";

const useStyles = makeStyles({
  item: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXXS },
  // The heading line wraps between words; a pill never inside ("eliminata nel / cloud").
  badge: { whiteSpace: "nowrap", flexShrink: 0 },
});

export interface PullPreviewProps {
  preview: PullPreview;
  disabled: boolean;
  /** Writes the pull; `take`: state keys of the rows whose cloud version the person chose. */
  onApply(take: ReadonlySet<string>): void;
  onCancel(): void;
}

export function PullPreviewView({ preview, disabled, onApply, onCancel }: PullPreviewProps) {
  const styles = useStyles();
  const panel = usePanelStyles();
  const { t, locale } = useLocale();
  // Changes that only move a version (my own earlier push, a row already deleted here) are
  // applied silently.
  const visible = preview.items.filter((i) => i.versionOnly !== true);
  const [take, setTake] = useState<ReadonlySet<string>>(new Set());
  const unbased = visible.filter((i) => i.locallyChanged && i.unbased === true);
  const toggle = (id: string, on: boolean) =>
    setTake((prev) => {
      const next = new Set(prev);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });
  return (
    <section
      className={panel.section}
      aria-label={t("sync.pull-preview", { count: visible.length })}
      data-testid="pull-preview"
      data-count={visible.length}
    >
      <h3 className={panel.subheading}>{t("sync.pull-preview", { count: visible.length })}</h3>
      {visible.length === 0 && <Text>{t("sync.pull-none")}</Text>}
      {visible.map((i) => {
        const id = stateKey(i.change.entity, i.change.key);
        return (
          <div
            key={id}
            className={styles.item}
            data-testid="pull-item"
            data-key={i.change.key}
            data-state={!i.locallyChanged ? "incoming" : i.unbased === true ? "unbased" : "edited"}
          >
            <Text weight="semibold">
              {rowDisplayName(i.change.entity, i.change.key, locale)} · v{i.change.version} ·{" "}
              {i.change.updatedBy}{" "}
              {i.isNew && (
                <Badge className={styles.badge} color="informative">
                  {t("sync.new-row")}
                </Badge>
              )}
              {i.change.deleted && (
                <Badge className={styles.badge} color="danger">
                  {t("sync.deleted-row")}
                </Badge>
              )}
              {i.locallyChanged && i.unbased === true && (
                <Badge className={styles.badge} color="informative">
                  {t("sync.pull-unbased")}
                </Badge>
              )}
              {i.locallyChanged && i.unbased !== true && (
                <Badge className={styles.badge} color="warning">
                  {t("sync.pull-edited")}
                </Badge>
              )}
            </Text>
            {i.locallyChanged && (
              <Checkbox
                data-testid="pull-take"
                data-key={i.change.key}
                checked={take.has(id)}
                disabled={disabled}
                onChange={(_, d) => toggle(id, d.checked === true)}
                label={i.unbased === true ? t("sync.pull-take") : t("sync.pull-take-drop")}
              />
            )}
            {i.fields.length > 0 && (
              <FieldDiffTable
                headings={[t("sync.current"), t("sync.incoming")]}
                rows={i.fields.map((f) => ({
                  field: f.field,
                  left: valueText(f.mine, f.field, locale),
                  right: valueText(f.incoming, f.field, locale),
                }))}
              />
            )}
          </div>
        );
      })}
      <div className={panel.buttons}>
        {unbased.length > 0 && (
          <Button
            disabled={disabled}
            onClick={() => setTake((prev) => takeAllUnbased(preview.items, prev))}
            data-testid="pull-take-all"
          >
            {t("sync.pull-take-all", { count: unbased.length })}
          </Button>
        )}
        <Button
          appearance="primary"
          disabled={disabled}
          onClick={() => onApply(take)}
          data-testid="pull-apply"
        >
          {t("sync.pull-apply")}
        </Button>
        <Button disabled={disabled} onClick={onCancel}>
          {t("sync.pull-cancel")}
        </Button>
      </div>
    </section>
  );
}
