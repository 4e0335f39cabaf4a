/**
 * Distribution of projects by PRL as a plain SVG bar chart (no chart library: bundle budget).
 * Colours come from Fluent tokens through classes, so the chart follows the light/dark theme.
 */
import { useLocale } from "../hooks/contexts.ts";
import { CHART_TOP as TOP, CHART_WIDTH as WIDTH, useChartStyles } from "./chart-styles.ts";
import { ChartFrame, plotHeight } from "./ChartFrame.tsx";

const HEIGHT = 130;

export function PrlChart({ distribution }: { distribution: readonly number[] }) {
  const styles = useChartStyles();
  const { t } = useLocale();
  const max = Math.max(1, ...distribution);
  const slot = WIDTH / distribution.length;
  const plot = plotHeight(HEIGHT);
  return (
    <ChartFrame
      id="prl-chart"
      title={t("overview.distribution")}
      description={t("overview.distribution-desc")}
      height={HEIGHT}
    >
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
    </ChartFrame>
  );
}
