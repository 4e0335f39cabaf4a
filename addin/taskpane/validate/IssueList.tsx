/** The issues of one sheet: each one a button that selects its cell in Excel. */
import { useState } from "react";
import { Badge, Button, Text, makeStyles, tokens } from "@fluentui/react-components";
import { renderMessage } from "#core/i18n/messages.ts";
import type { Issue } from "#core/validate/issue.ts";
import { useLocale } from "../hooks/contexts.ts";
import type { IssueGroup } from "./group-issues.ts";
import { usePanelStyles } from "../styles/panel.ts";

/** Issues shown per sheet before "Show more": keeps a 10 000-row mess from freezing the pane. */
export const PAGE_SIZE = 100;

const useStyles = makeStyles({
  group: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXS,
    marginBottom: tokens.spacingVerticalM,
  },
  heading: {
    display: "flex",
    alignItems: "baseline",
    gap: tokens.spacingHorizontalS,
    margin: 0,
    fontSize: tokens.fontSizeBase400,
    fontWeight: tokens.fontWeightSemibold,
  },
  list: {
    listStyleType: "none",
    margin: 0,
    padding: 0,
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXXS,
  },
  item: {
    width: "100%",
    justifyContent: "flex-start",
    textAlign: "start",
    alignItems: "flex-start",
    gap: tokens.spacingHorizontalS,
    paddingTop: tokens.spacingVerticalXS,
    paddingBottom: tokens.spacingVerticalXS,
    fontWeight: tokens.fontWeightRegular,
    minWidth: 0,
  },
  cell: {
    fontFamily: tokens.fontFamilyMonospace,
    color: tokens.colorNeutralForeground2,
    flexShrink: 0,
    minWidth: "3.5em",
  },
  message: { whiteSpace: "normal", overflowWrap: "anywhere" },
});

function issueText(issue: Issue, locale: "it" | "en"): string {
  return issue.params === undefined ? issue.message : renderMessage(issue.code, issue.params, locale);
}

export interface IssueListProps {
  group: IssueGroup;
  onSelect(issue: Issue): void;
}

export function IssueList({ group, onSelect }: IssueListProps) {
  const styles = useStyles();
  const panel = usePanelStyles();
  const { locale, t } = useLocale();
  const [shown, setShown] = useState(PAGE_SIZE);
  const visible = group.issues.slice(0, shown);
  const rest = group.issues.length - visible.length;
  return (
    <section
      className={styles.group}
      aria-label={t("validate.sheet", { sheet: group.sheet })}
      data-testid="issue-group"
      data-sheet={group.sheet}
    >
      <h3 className={styles.heading}>
        {t("validate.sheet", { sheet: group.sheet })}
        <Text size={200} className={panel.muted}>
          {t("validate.sheet-counts", { errors: group.errors, warnings: group.warnings })}
        </Text>
      </h3>
      <ul className={styles.list}>
        {visible.map((issue, i) => (
          <li key={`${issue.cell}:${issue.code}:${i}`}>
            <Button
              appearance="subtle"
              className={styles.item}
              data-testid="issue"
              data-severity={issue.severity}
              data-cell={`${issue.sheet}!${issue.cell}`}
              data-code={issue.code}
              title={
                issue.cell === "" ? undefined : t("validate.goto", { sheet: issue.sheet, cell: issue.cell })
              }
              disabled={issue.cell === ""}
              onClick={() => onSelect(issue)}
            >
              <Badge
                appearance="filled"
                shape="rounded"
                color={issue.severity === "error" ? "danger" : "warning"}
                aria-label={issue.severity === "error" ? t("validate.error") : t("validate.warning")}
              >
                {issue.severity === "error" ? "!" : "i"}
              </Badge>
              <span className={styles.cell}>{issue.cell === "" ? "—" : issue.cell}</span>
              <span className={styles.message}>{issueText(issue, locale)}</span>
            </Button>
          </li>
        ))}
      </ul>
      {rest > 0 && (
        <Button appearance="transparent" onClick={() => setShown((n) => n + PAGE_SIZE)}>
          {t("validate.more", { count: Math.min(rest, PAGE_SIZE) })}
        </Button>
      )}
    </section>
  );
}
