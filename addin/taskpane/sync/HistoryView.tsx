/** History of one row (oldest first) with a restore button per version. */
import { useLayoutEffect, useState } from "react";
import {
  Button,
  Field,
  Input,
  Select,
  Text,
  makeStyles,
  mergeClasses,
  tokens,
} from "@fluentui/react-components";
import type { HistoryResponse } from "#core/sync/protocol.ts";
import type { BudgetQuery } from "#core/sync/find-budget-row.ts";
import { fieldLabel } from "#addin/i18n/strings.ts";
import type { StringKey } from "#addin/i18n/strings.ts";
import { useLocale } from "../hooks/contexts.ts";
import { useTableStyles } from "../overview/table-styles.ts";
import { formatDateTime } from "#core/i18n/formats.ts";
import { rowDisplayName } from "#core/i18n/row-name.ts";
import { differingFields, valueText } from "./values-text.ts";
import { usePanelStyles } from "../styles/panel.ts";

const useStyles = makeStyles({
  form: { display: "flex", gap: tokens.spacingHorizontalS, alignItems: "flex-end", flexWrap: "wrap" },
  change: {
    display: "-webkit-box",
    WebkitLineClamp: 2,
    WebkitBoxOrient: "vertical",
    overflow: "hidden",
  },
  field: { fontWeight: tokens.fontWeightSemibold },
  nowrap: { whiteSpace: "nowrap", minWidth: "auto" },
  hidden: {
    position: "absolute",
    width: "1px",
    height: "1px",
    overflow: "hidden",
    clipPath: "inset(50%)",
    whiteSpace: "nowrap",
  },
});

/** Fields this version changed (all of them for the first version), with their new values. */
function changes(
  previous: Record<string, unknown> | undefined,
  values: Record<string, unknown>,
): [string, unknown][] {
  const fields =
    previous === undefined
      ? ["title", "code", "key"].filter((f) => f in values).slice(0, 1)
      : differingFields(previous, values);
  return fields.map((f) => [f, values[f]]);
}

const ENTITIES = ["project", "line", "priority", "budget"] as const;

export interface HistoryViewProps {
  history: HistoryResponse | undefined;
  disabled: boolean;
  onShow(entity: string, key: string): void;
  /** A budget row is asked for by what the sheet shows, not by its key. */
  onShowBudget(query: BudgetQuery): void;
  /** History of the row the person has selected in the sheet. */
  onShowSelected?(): void;
  onRestore(entity: string, key: string, version: number): void;
  /** Set after a restore: the version it made, offered to be written into the sheet. */
  restored?: { entity: string; key: string; version: number } | undefined;
  onWriteRestored?(): void;
}

export function HistoryView({
  history,
  disabled,
  onShow,
  onShowBudget,
  onShowSelected,
  onRestore,
  restored,
  onWriteRestored,
}: HistoryViewProps) {
  const styles = useStyles();
  const panel = usePanelStyles();
  const s = useTableStyles();
  const { t, locale } = useLocale();
  const [entity, setEntity] = useState<string>("project");
  const [key, setKey] = useState("");
  const [budget, setBudget] = useState<Required<BudgetQuery>>({ project: "", category: "", year: "", partner: "" });
  const isBudget = entity === "budget";
  const ready = isBudget ? budget.project.trim() !== "" && budget.category.trim() !== "" : key.trim() !== "";
  // Restore asks first: the version waiting for the person's confirmation.
  const [confirming, setConfirming] = useState<number | undefined>(undefined);
  // A history opened from elsewhere (a conflict card) fills the form with its row. A layout
  // effect, so the form never shows one row's versions under another row's key.
  useLayoutEffect(() => {
    if (history === undefined) return;
    setEntity(history.entity);
    setKey(history.key);
    // A budget row is shown by what the sheet shows: its latest values fill the fields.
    const latest = history.versions[history.versions.length - 1]?.values;
    if (history.entity === "budget" && latest !== undefined) {
      const text = (v: unknown) => (v === undefined || v === null ? "" : String(v));
      setBudget({
        project: text(latest["project"]),
        category: text(latest["categoryLabel"] ?? latest["category"]),
        year: text(latest["year"]),
        partner: text(latest["partner"]),
      });
    }
  }, [history]);
  const last = history?.versions[history.versions.length - 1]?.version;
  return (
    <section className={panel.section} aria-label={t("sync.history")}>
      <h3 className={panel.subheading}>{t("sync.history")}</h3>
      <form
        className={styles.form}
        onSubmit={(e) => {
          e.preventDefault();
          if (!ready) return;
          if (isBudget) onShowBudget(budget);
          else onShow(entity, key.trim());
        }}
      >
        <Field label={t("sync.kind")}>
          <Select value={entity} onChange={(_, d) => setEntity(d.value)} data-testid="history-entity">
            {ENTITIES.map((e) => (
              <option key={e} value={e}>
                {t(`sync.kind.${e}` as StringKey)}
              </option>
            ))}
          </Select>
        </Field>
        {isBudget ? (
          (["project", "category", "year", "partner"] as const).map((part) => (
            <Field key={part} label={t(`sync.budget-${part}`)}>
              <Input
                value={budget[part]}
                onChange={(_, d) => setBudget((b) => ({ ...b, [part]: d.value }))}
                data-testid={`history-budget-${part}`}
              />
            </Field>
          ))
        ) : (
          <Field label={t("sync.history-key")}>
            <Input value={key} onChange={(_, d) => setKey(d.value)} data-testid="history-key" />
          </Field>
        )}
        <Button type="submit" disabled={disabled || !ready} data-testid="history-show">
          {t("sync.history-show")}
        </Button>
        {onShowSelected && (
          <Button disabled={disabled} onClick={onShowSelected} data-testid="history-selected">
            {t("sync.history-selected")}
          </Button>
        )}
      </form>
      {history !== undefined && confirming !== undefined && (
        <div className={styles.form} data-testid="restore-confirmation" data-version={confirming}>
          <Text>{t("sync.restore-confirm", { version: confirming, key: rowDisplayName(history.entity, history.key, locale) })}</Text>
          <Button
            appearance="primary"
            disabled={disabled}
            data-testid="restore-confirm"
            onClick={() => {
              setConfirming(undefined);
              onRestore(history.entity, history.key, confirming);
            }}
          >
            {t("sync.restore")}
          </Button>
          <Button disabled={disabled} onClick={() => setConfirming(undefined)} data-testid="restore-cancel">
            {t("sync.restore-cancel")}
          </Button>
        </div>
      )}
      {restored !== undefined && onWriteRestored !== undefined && (
        <div className={styles.form}>
          <Button disabled={disabled} onClick={onWriteRestored} data-testid="restore-write">
            {t("sync.restore-write")}
          </Button>
        </div>
      )}
      {history !== undefined && (
        <table className={s.table} data-testid="history" data-key={history.key}>
          <caption className={s.caption}>{t("sync.history-of", { key: rowDisplayName(history.entity, history.key, locale) })}</caption>
          <thead>
            <tr>
              <th className={mergeClasses(s.th, s.num)} scope="col">
                {t("sync.version")}
              </th>
              <th className={s.th} scope="col">
                {t("sync.change")}
              </th>
              <th className={s.th} scope="col">
                <span className={styles.hidden}>{t("sync.restore")}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {history.versions.length === 0 && (
              <tr>
                <td className={s.td} colSpan={3}>
                  <Text>{t("sync.history-empty")}</Text>
                </td>
              </tr>
            )}
            {[...history.versions].reverse().map((v) => (
              <tr key={v.version} data-version={v.version}>
                <td className={mergeClasses(s.td, s.num)}>{v.version}</td>
                <td className={s.td}>
                  <div className={panel.muted}>
                    {formatDateTime(v.updatedAt, locale)} · {v.updatedBy} · {v.source}
                    {v.restoredFrom !== undefined &&
                      ` · ${t("sync.restored-from", { version: v.restoredFrom })}`}
                  </div>
                  {v.deleted ? (
                    <div>{t("sync.tombstone")}</div>
                  ) : (
                    changes(v.previousValues, v.values).map(([field, value]) => (
                      <div key={field} className={styles.change}>
                        <span className={styles.field}>{fieldLabel(t, field)}:</span> {valueText(value, field, locale)}
                      </div>
                    ))
                  )}
                </td>
                <td className={s.td}>
                  {v.version !== last && (
                    <Button
                      size="small"
                      className={styles.nowrap}
                      disabled={disabled}
                      onClick={() => setConfirming(v.version)}
                      data-testid="restore"
                    >
                      {t("sync.restore")}
                    </Button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
