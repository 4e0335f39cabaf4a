/**
 * The in-memory workbook as an editable grid: sheet tabs, cells, a formula bar. Editing a cell
 * plays the user typing (the host fires its change events, the task pane re-validates).
 * Cells the add-in selects (issue click) are shown selected on their sheet.
 */
import { useEffect, useMemo, useState } from "react";
import {
  Button,
  Input,
  Tab,
  TabList,
  Text,
  makeStyles,
  mergeClasses,
  tokens,
} from "@fluentui/react-components";
import { analyzeWorkbook } from "#core/analyze.ts";
import type { CellValue } from "#core/snapshot/types.ts";
import { columnLetter, toA1 } from "#core/values/index.ts";
import type { FakeExcelHost } from "#addin/memory-host/host.ts";
import { PlanModel } from "#addin/shared/plan-store.ts";
import type { Translate } from "#addin/i18n/strings.ts";
import { FormulaContext } from "./formulas.ts";
import { gridView } from "./grid-model.ts";

/** Rows rendered per sheet: enough to work with, light enough for a 10 000-row sheet. */
const MAX_ROWS = 300;

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", height: "100%", minWidth: 0 },
  bar: {
    display: "flex",
    gap: tokens.spacingHorizontalS,
    alignItems: "center",
    padding: tokens.spacingHorizontalS,
  },
  address: { fontFamily: tokens.fontFamilyMonospace, minWidth: "7em" },
  input: { flexGrow: 1 },
  scroll: {
    overflow: "auto",
    flexGrow: 1,
    borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  table: { borderCollapse: "collapse", fontSize: tokens.fontSizeBase200, fontFamily: tokens.fontFamilyBase },
  head: {
    backgroundColor: tokens.colorNeutralBackground3,
    color: tokens.colorNeutralForeground2,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    padding: `0 ${tokens.spacingHorizontalXS}`,
    fontWeight: tokens.fontWeightRegular,
    position: "sticky",
    top: 0,
  },
  cell: {
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    padding: `0 ${tokens.spacingHorizontalXS}`,
    maxWidth: "16em",
    overflow: "hidden",
    textOverflow: "ellipsis",
    whiteSpace: "nowrap",
    cursor: "cell",
  },
  error: { backgroundColor: tokens.colorPaletteRedBackground2, color: tokens.colorPaletteRedForeground2 },
  warning: {
    backgroundColor: tokens.colorPaletteYellowBackground2,
    color: tokens.colorPaletteYellowForeground2,
  },
  selected: {
    outline: `${tokens.strokeWidthThick} solid ${tokens.colorBrandStroke1}`,
    outlineOffset: "-2px",
  },
  more: { padding: tokens.spacingHorizontalS, color: tokens.colorNeutralForeground3 },
});

function display(v: CellValue): string {
  if (v === null) return "";
  if (typeof v === "boolean") return v ? "VERO" : "FALSO";
  return String(v);
}

export interface GridProps {
  fake: FakeExcelHost;
  /** Changes whenever the workbook changed (any batch, any edit). */
  version: number;
  /** The page's translator (the grid's own labels). */
  t: Translate;
  /** Plays the user typing into a cell. */
  edit(sheet: string, a1: string, value: CellValue): Promise<void>;
}

export function Grid({ fake, version, edit, t }: GridProps) {
  const styles = useStyles();
  const wb = fake.state;
  const visible = wb.sheets.filter((s) => s.visibility === "Visible");
  const [sheetName, setSheetName] = useState(visible[0]?.name ?? "");
  const [selected, setSelected] = useState<{ row: number; col: number }>({ row: 1, col: 1 });
  const [draft, setDraft] = useState<string | undefined>(undefined);

  // Follow the add-in's selection (issue click → cell).
  const selection = wb.selection;
  useEffect(() => {
    if (selection === undefined) return;
    const m = /^([A-Z]+)(\d+)/.exec(selection.address.split("!").pop()?.replace(/\$/g, "") ?? "");
    if (m === null) return;
    let col = 0;
    for (const ch of m[1] ?? "") col = col * 26 + (ch.charCodeAt(0) - 64);
    setSheetName(selection.sheet);
    setSelected({ row: Number(m[2]), col });
    setDraft(undefined);
  }, [selection]);

  const sheet = wb.sheets.find((s) => s.name === sheetName) ?? visible[0];
  const view = useMemo(() => {
    if (sheet === undefined) return undefined;
    let ctx: FormulaContext | undefined;
    const formulas = () => {
      if (ctx === undefined) {
        const snapshot = {
          origin: "test" as const,
          sheets: wb.sheets.map((s) => ({
            name: s.name,
            values: fake.values(s.name),
            ...(s.visibility === "VeryHidden" ? { hidden: "very" as const } : {}),
          })),
        };
        ctx = new FormulaContext(
          new PlanModel(version, snapshot, analyzeWorkbook(snapshot)),
          wb.culture.name.startsWith("en") ? "en" : "it",
          new Set([...wb.names.keys()].map((n) => n.toUpperCase())),
        );
      }
      return ctx;
    };
    return gridView(wb, sheet, MAX_ROWS, formulas);
    // `version` is the change signal: the workbook object itself is mutated in place.
  }, [wb, sheet, version, fake]);

  if (sheet === undefined || view === undefined) return null;
  const current = view.rows[selected.row - 1]?.[selected.col - 1];
  const address = toA1(selected.row, selected.col);
  const commit = async () => {
    if (draft === undefined) return;
    await edit(sheet.name, address, draft === "" ? null : draft);
    setDraft(undefined);
  };
  return (
    <div
      className={styles.root}
      data-testid="grid"
      data-sheet={sheet.name}
      data-selected={`${sheet.name}!${address}`}
    >
      <TabList
        selectedValue={sheet.name}
        onTabSelect={(_, d) => setSheetName(String(d.value))}
        size="small"
        aria-label={t("preview.sheets")}
      >
        {visible.map((s) => (
          <Tab key={s.name} value={s.name} data-testid={`sheet-tab-${s.name}`}>
            {s.name}
          </Tab>
        ))}
      </TabList>
      <form
        className={styles.bar}
        onSubmit={(e) => {
          e.preventDefault();
          void commit();
        }}
      >
        <Text className={styles.address}>
          {sheet.name}!{address}
        </Text>
        <Input
          className={styles.input}
          aria-label={t("preview.formula-bar")}
          data-testid="formula-bar"
          value={draft ?? current?.formula ?? display(current?.value ?? null)}
          onChange={(_, d) => setDraft(d.value)}
        />
        <Button type="submit" size="small" data-testid="formula-enter" aria-label={t("preview.enter")}>
          ↵
        </Button>
      </form>
      <div className={styles.scroll}>
        <table className={styles.table}>
          <thead>
            <tr>
              <th className={styles.head} />
              {Array.from({ length: view.columns }, (_, c) => (
                <th key={c} className={styles.head} scope="col">
                  {columnLetter(c + 1)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {view.rows.map((row, r) => (
              <tr key={r}>
                <th className={styles.head} scope="row">
                  {r + 1}
                </th>
                {row.map((cell, c) => {
                  const isSelected = selected.row === r + 1 && selected.col === c + 1;
                  return (
                    <td
                      key={c}
                      data-cell={toA1(r + 1, c + 1)}
                      data-mark={cell.mark ?? 0}
                      title={cell.formula}
                      className={mergeClasses(
                        styles.cell,
                        cell.mark === 2 && styles.error,
                        cell.mark === 1 && styles.warning,
                        isSelected && styles.selected,
                      )}
                      style={
                        cell.fill !== undefined && cell.mark === undefined
                          ? { backgroundColor: cell.fill }
                          : undefined
                      }
                      onClick={() => {
                        setSelected({ row: r + 1, col: c + 1 });
                        setDraft(undefined);
                        // The person's selection is the workbook's (getActiveCell reads it).
                        wb.selection = { sheet: sheet.name, address: toA1(r + 1, c + 1) };
                      }}
                    >
                      {display(cell.value)}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
        {view.totalRows > view.rows.length && (
          <div className={styles.more}>
            {t("preview.more-rows", { count: view.totalRows - view.rows.length })}
          </div>
        )}
      </div>
    </div>
  );
}
