/**
 * The plan's PRL distribution month by month (issue #17), the way PrlChart draws one month: plain
 * SVG, Fluent tokens through classes. One stacked column per month, PRL 0 at the bottom, darker
 * as the level rises; every segment and column carries its numbers as text (title), so nothing is
 * told by colour alone.
 */
import { useLocale } from "../hooks/contexts.ts";
import { CHART_TOP as TOP, CHART_WIDTH as WIDTH, useChartStyles } from "./chart-styles.ts";
import { ChartFrame, plotHeight } from "./ChartFrame.tsx";
import type { MonthDistribution } from "./readiness-model.ts";

const HEIGHT = 140;

export function MonthlyPrlChart({ months }: { months: readonly MonthDistribution[] }) {
  const styles = useChartStyles();
  const { t } = useLocale();
  const max = Math.max(1, ...months.map((m) => m.total));
  const slot = WIDTH / Math.max(1, months.length);
  const plot = plotHeight(HEIGHT);
  return (
    <ChartFrame
      id="prl-months"
      title={t("readiness.months")}
      description={t("readiness.months-desc")}
      height={HEIGHT}
    >
      {months.map((m, i) => {
        const x = i * slot + slot * 0.15;
        let y = TOP + plot;
        return (
          <g key={m.month} data-month={m.month} data-total={m.total} data-counts={m.counts.join(",")}>
            <title>{t("readiness.month-total", { month: m.month, count: m.total })}</title>
            {m.counts.map((count, level) => {
              if (count === 0) return null;
              const h = (count / max) * plot;
              y -= h;
              return (
                <rect
                  key={level}
                  className={styles.segment}
                  x={x}
                  y={y}
                  width={slot * 0.7}
                  height={h}
                  fillOpacity={0.25 + (0.75 * level) / 9}
                >
                  <title>{t("readiness.month-segment", { month: m.month, level, count })}</title>
                </rect>
              );
            })}
            <text className={styles.value} x={x + slot * 0.35} y={y - 3} textAnchor="middle">
              {m.total}
            </text>
            <text className={styles.label} x={x + slot * 0.35} y={HEIGHT - 5} textAnchor="middle">
              {m.month.slice(5)}
            </text>
          </g>
        );
      })}
    </ChartFrame>
  );
}
