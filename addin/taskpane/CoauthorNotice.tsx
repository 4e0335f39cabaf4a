/** Tells the person what a coauthor just did to the workbook (see hooks/useCoauthors.ts). */
import { Button, MessageBar, MessageBarActions, MessageBarBody } from "@fluentui/react-components";
import { useLocale } from "./hooks/contexts.ts";
import type { CoauthorNews } from "./hooks/useCoauthors.ts";

export function CoauthorNotice({ news, onDismiss }: { news: CoauthorNews; onDismiss: () => void }) {
  const { t } = useLocale();
  if (news.changed === undefined && !news.synced) return null;
  const lines = [
    news.changed ? t("coauthor.changed", { sheet: news.changed.sheet, cells: news.changed.cells.join(", ") }) : "",
    news.synced ? t("coauthor.synced") : "",
  ].filter((l) => l !== "");
  return (
    <MessageBar intent="info" data-testid="coauthor-notice" data-synced={String(news.synced)}>
      <MessageBarBody>{lines.join(" ")}</MessageBarBody>
      <MessageBarActions>
        <Button size="small" appearance="transparent" onClick={onDismiss}>
          {t("coauthor.dismiss")}
        </Button>
      </MessageBarActions>
    </MessageBar>
  );
}
