/** Shared styles of the small data tables in the Overview and Sync panels (Fluent tokens only). */
import { makeStyles, tokens } from "@fluentui/react-components";

export const useTableStyles = makeStyles({
  table: { width: "100%", borderCollapse: "collapse", fontSize: tokens.fontSizeBase200 },
  /** Lets a wide table scroll sideways in a narrow pane instead of being cut off. */
  scroll: { overflowX: "auto", maxWidth: "100%" },
  th: {
    textAlign: "start",
    fontWeight: tokens.fontWeightSemibold,
    color: tokens.colorNeutralForeground2,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
    padding: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalXS}`,
  },
  td: {
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    padding: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalXS}`,
    verticalAlign: "top",
    overflowWrap: "anywhere",
  },
  /** A cell of short words (a kind, a badge) that must never break inside a word or a pill. */
  nowrap: { whiteSpace: "nowrap", overflowWrap: "normal" },
  num: { textAlign: "end", fontVariantNumeric: "tabular-nums", whiteSpace: "nowrap" },
  strong: { fontWeight: tokens.fontWeightSemibold },
  indent: { paddingInlineStart: tokens.spacingHorizontalL },
  caption: {
    textAlign: "start",
    fontWeight: tokens.fontWeightSemibold,
    fontSize: tokens.fontSizeBase300,
    paddingBottom: tokens.spacingVerticalXS,
  },
});
