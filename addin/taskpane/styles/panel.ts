/**
 * Styles every task pane panel shares (Fluent tokens only), so the tabs keep one rhythm of gaps,
 * headings and muted text. A panel keeps only its own extras in a local `makeStyles`.
 */
import { makeStyles, tokens } from "@fluentui/react-components";

/**
 * Shared panel classes.
 *
 * @example
 * const panel = usePanelStyles();
 * return <div className={panel.page}><h3 className={panel.heading}>…</h3></div>;
 */
export const usePanelStyles = makeStyles({
  /** A whole tab: its blocks stacked with a large gap. */
  page: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalL },
  /** A block inside a tab (history, pull preview): stacked with a small gap. */
  section: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  /** A tab's section title. */
  heading: { margin: 0, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
  /** The title of a block inside a section (conflicts, history, nightly run). */
  subheading: { margin: 0, fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold },
  /** Secondary text: notes, counts, "nothing here". */
  muted: { color: tokens.colorNeutralForeground3 },
  /** A bulleted list indented like the body text. */
  list: { margin: 0, paddingInlineStart: tokens.spacingHorizontalL },
  /** A row of buttons that wraps in a narrow pane. */
  buttons: { display: "flex", gap: tokens.spacingHorizontalS, flexWrap: "wrap" },
});
