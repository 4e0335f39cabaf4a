/**
 * The frame of the Overview's SVG bar charts: the image role with its title and description (what
 * a screen reader says), the bars the caller draws, and the baseline under them.
 */
import type { ReactNode } from "react";
import { CHART_BOTTOM, CHART_TOP, CHART_WIDTH, useChartStyles } from "./chart-styles.ts";

export interface ChartFrameProps {
  /** Prefix of the title/description ids (unique on the page). */
  id: string;
  title: string;
  description: string;
  height: number;
  children: ReactNode;
}

export function ChartFrame({ id, title, description, height, children }: ChartFrameProps) {
  const styles = useChartStyles();
  const base = height - CHART_BOTTOM + 0.5;
  return (
    <svg
      className={styles.svg}
      viewBox={`0 0 ${CHART_WIDTH} ${height}`}
      role="img"
      aria-labelledby={`${id}-title ${id}-desc`}
      data-testid={id}
    >
      <title id={`${id}-title`}>{title}</title>
      <desc id={`${id}-desc`}>{description}</desc>
      {children}
      <line className={styles.axis} x1={0} x2={CHART_WIDTH} y1={base} y2={base} />
    </svg>
  );
}

/** The height the bars may take in a frame of `height`. */
export const plotHeight = (height: number): number => height - CHART_TOP - CHART_BOTTOM;
