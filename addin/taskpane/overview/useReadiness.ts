/**
 * The Overview's "compare with" part (issue #17): the cloud's plan as it stood at a date
 * (`/rollups?asOf=`), what moved since (`/movement?from=`), and the PRL distribution month by
 * month (one as-of report per month end). Only the API address of the user's settings is called:
 * an address that only the workbook names waits for the Sync tab's confirmation (api-choice.ts).
 */
import { useCallback, useState } from "react";
import type { IsoDate } from "#core/model.ts";
import type { AsOfRollupsResponse, MovementResponse } from "#core/sync/protocol.ts";
import { errorText } from "../error-text.ts";
import { useLocale, useServices } from "../hooks/contexts.ts";
import { useApiClient } from "../hooks/useApiClient.ts";
import { distributionOf, monthMoments, type MonthDistribution } from "./readiness-model.ts";

export interface ReadinessView {
  busy: boolean;
  /** The date the shown comparison is with. */
  date: IsoDate | undefined;
  then: AsOfRollupsResponse | undefined;
  movement: MovementResponse | undefined;
  months: MonthDistribution[] | undefined;
  /** Why nothing could be compared (no API, no plan, an API error), in the UI language. */
  message: string | undefined;
  /** Finished comparisons (tests and screen readers tell a new result from the last one). */
  done: number;
}

/** Months a chart reads at most: one as-of report each. */
const CHART_MONTHS = 12;

export function useReadiness(): ReadinessView & { compare(date: IsoDate): Promise<void> } {
  const services = useServices();
  const { t, locale } = useLocale();
  const apiUrl = services.settings.load().apiUrl.trim();
  const api = useApiClient(apiUrl);
  const [view, setView] = useState<ReadinessView>({
    busy: false,
    date: undefined,
    then: undefined,
    movement: undefined,
    months: undefined,
    message: undefined,
    done: 0,
  });

  const compare = useCallback(
    async (date: IsoDate) => {
      setView((v) => ({ ...v, busy: true, message: undefined }));
      const finish = (p: Partial<ReadinessView>) =>
        setView((v) => ({ ...v, ...p, busy: false, done: v.done + 1 }));
      if (apiUrl === "") return finish({ message: t("sync.no-api") });
      try {
        const plan = (await services.host.readSyncState())?.planId;
        if (plan === undefined) return finish({ message: t("sync.no-plan") });
        const today = services.today();
        const moments = monthMoments(date, today, CHART_MONTHS);
        // The comparison first (what the person asked for), then the months, a few at a time.
        const [then, movement] = await Promise.all([api.rollupsAsOf(plan, date), api.movement(plan, date)]);
        const months: MonthDistribution[] = [];
        for (let i = 0; i < moments.length; i += 4) {
          const group = moments.slice(i, i + 4);
          months.push(
            ...(await Promise.all(group.map(async (m) => distributionOf(m, await api.rollupsAsOf(plan, m))))),
          );
        }
        finish({ date, then, movement, months, message: undefined });
      } catch (e) {
        finish({ message: errorText(e, t, locale), then: undefined, movement: undefined, months: undefined });
      }
    },
    [api, apiUrl, services, t, locale],
  );
  return { ...view, compare };
}
