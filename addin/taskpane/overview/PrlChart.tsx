/**
 * Distribution of projects by PRL as a plain SVG bar chart (no chart library: bundle budget).
 * Colours come from Fluent tokens through classes, so the chart follows the light/dark theme.
 */
import { makeStyles, tokens } from "@fluentui/react-components";
import { useLocale } from "../hooks/contexts.ts";

const useStyles = makeStyles({
  svg: { width: "100%", height: "auto", display: "block" },
  bar: { fill: tokens.colorBrandBackground },
  axis: { stroke: tokens.colorNeutralStroke1, strokeWidth: 1 },
  label: { fill: tokens.colorNeutralForeground2, fontSize: "10px", fontFamily: tokens.fontFamilyBase },
  value: { fill: tokens.colorNeutralForeground1, fontSize: "10px", fontFamily: tokens.fontFamilyBase },
});

const WIDTH = 300;
const HEIGHT = 130;
const TOP = 14;
const BOTTOM = 18;

export function PrlChart({ distribution }: { distribution: readonly number[] }) {
  const styles = useStyles();
  const { t } = useLocale();
  const max = Math.max(1, ...distribution);
  const slot = WIDTH / distribution.length;
  const plot = HEIGHT - TOP - BOTTOM;
  return (
    <svg
      className={styles.svg}
      viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
      role="img"
      aria-labelledby="prl-chart-title prl-chart-desc"
      data-testid="prl-chart"
    >
      <title id="prl-chart-title">{t("overview.distribution")}</title>
      <desc id="prl-chart-desc">{t("overview.distribution-desc")}</desc>
      {distribution.map((count, level) => {
        const h = Math.round((count / max) * plot);
        const x = level * slot + slot * 0.15;
        const y = TOP + plot - h;
        return (
          <g key={level} data-level={level} data-count={count}>
            <title>{t("overview.bar", { level, count })}</title>
            <rect className={styles.bar} x={x} y={y} width={slot * 0.7} height={h} rx={2} />
            <text className={styles.value} x={x + slot * 0.35} y={y - 3} textAnchor="middle">
              {count}
            </text>
            <text className={styles.label} x={x + slot * 0.35} y={HEIGHT - 5} textAnchor="middle">
              {level}
            </text>
          </g>
        );
      })}
      <line className={styles.axis} x1={0} x2={WIDTH} y1={TOP + plot + 0.5} y2={TOP + plot + 0.5} />
    </svg>
  );
}
