/** The Overview's SVG charts' shared classes and frame (Fluent tokens, so they follow the light/dark theme). */
import { makeStyles, tokens } from "@fluentui/react-components";

export const useChartStyles = makeStyles({
  svg: { width: "100%", height: "auto", display: "block" },
  bar: { fill: tokens.colorBrandBackground },
  /** A stacked bar's segment: a thin line of the background between segments. */
  segment: { fill: tokens.colorBrandBackground, stroke: tokens.colorNeutralBackground1, strokeWidth: 0.5 },
  axis: { stroke: tokens.colorNeutralStroke1, strokeWidth: 1 },
  label: { fill: tokens.colorNeutralForeground2, fontSize: "10px", fontFamily: tokens.fontFamilyBase },
  value: { fill: tokens.colorNeutralForeground1, fontSize: "10px", fontFamily: tokens.fontFamilyBase },
});

/** The charts' viewBox width and the room above (values) and below (labels) the bars. */
export const CHART_WIDTH = 300;
export const CHART_TOP = 14;
export const CHART_BOTTOM = 18;
