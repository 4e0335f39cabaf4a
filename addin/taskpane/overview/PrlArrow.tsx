/**
 * A PRL change as an arrow with its number, never by colour alone: the glyph's shape says the
 * direction, and its text alternative says it in words ("up from 4 to 6").
 */
import { makeStyles, tokens } from "@fluentui/react-components";
import { useLocale } from "../hooks/contexts.ts";
import { ARROWS, direction, type PrlChange } from "./readiness-model.ts";

const useStyles = makeStyles({
  up: { color: tokens.colorPaletteGreenForeground1 },
  down: { color: tokens.colorPaletteRedForeground1 },
  same: { color: tokens.colorNeutralForeground3 },
  new: { color: tokens.colorBrandForeground1 },
});

export function PrlArrow({ change }: { change: PrlChange | undefined }) {
  const styles = useStyles();
  const { t } = useLocale();
  if (change === undefined) return null;
  const dir = direction(change);
  const label = t(`readiness.${dir}`, { before: change.before ?? "", after: change.after });
  const amount = dir === "up" ? ` +${change.delta}` : dir === "down" ? ` −${-change.delta}` : "";
  return (
    <span
      role="img"
      aria-label={label}
      title={label}
      className={styles[dir]}
      data-testid="prl-arrow"
      data-direction={dir}
      data-before={change.before}
      data-after={change.after}
    >
      {ARROWS[dir]}
      {amount}
    </span>
  );
}
