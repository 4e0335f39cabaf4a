/**
 * The nightly job while `npm start` runs: every day at 03:30 local time (SPEC §9 picks 03:30
 * because 02:00 does not exist on the spring DST night) over the `workbooks/` folder, exactly as
 * `npm run nightly` runs it now, and printing what `npm run nightly` prints (`consoleReport`).
 */
import type { DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";
import type { SyncStore } from "#functions/store/store.ts";
import { formatDateTime } from "#core/i18n/formats.ts";
import type { Locale } from "#core/snapshot/types.ts";
import { consoleReport } from "#functions/nightly/console-report.ts";
import { runLocalNightly } from "#functions/nightly/local-run.ts";
import { nightlyMessage } from "#functions/nightly/messages.ts";
import { DynamoWorkbookRegistry } from "#functions/nightly/registry-dynamo.ts";

/** The next 03:30 (local time) strictly after `now`. */
export function nextRun(now: Date, hour = 3, minute = 30): Date {
  const next = new Date(now.getFullYear(), now.getMonth(), now.getDate(), hour, minute, 0, 0);
  if (next.getTime() <= now.getTime()) next.setDate(next.getDate() + 1);
  return next;
}

export interface NightlySchedule {
  next: Date;
  /** Cancels the next run and waits for one in progress (so the store is not closed under it). */
  stop(): Promise<void>;
}

/** Schedules the run; `log` gets its lines. Timers do not keep the process alive on their own. */
export function scheduleNightly(options: {
  dir: string;
  store: SyncStore;
  documents: DynamoDBDocumentClient;
  tableName: string;
  fallbackPlan: string;
  /** The language of the lines (npm start's, from LC_ALL/LANG). */
  lang: Locale;
  log: (line: string) => void;
  /** When the next run is due after `now` (default: 03:30 local time); tests bring it closer. */
  next?: (now: Date) => Date;
}): NightlySchedule {
  const due = options.next ?? ((now: Date) => nextRun(now));
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;
  let running: Promise<void> | undefined;
  const schedule: NightlySchedule = {
    next: due(new Date()),
    stop: async () => {
      stopped = true;
      clearTimeout(timer);
      await running;
    },
  };
  const arm = (): void => {
    if (stopped) return;
    schedule.next = due(new Date());
    timer = setTimeout(() => {
      running = fire().finally(() => {
        running = undefined;
        arm();
      });
    }, schedule.next.getTime() - Date.now());
    timer.unref();
  };
  const fire = async (): Promise<void> => {
    try {
      const result = await runLocalNightly({
        dir: options.dir,
        store: options.store,
        registry: new DynamoWorkbookRegistry(options.documents, options.tableName),
        fallbackPlan: options.fallbackPlan,
      });
      options.log(nightlyMessage("console.run-at", options.lang, { when: formatDateTime(new Date(), options.lang) }));
      for (const line of consoleReport(result, options.lang, options.dir).lines) options.log(`  ${line}`);
    } catch (error) {
      const detail = error instanceof Error ? error.message : String(error);
      options.log(nightlyMessage("console.run-failed", options.lang, { detail }));
    }
  };
  arm();
  return schedule;
}
