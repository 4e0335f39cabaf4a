/**
 * `actionplan sync <file.xlsx> --plan <id> [--api <url>] [--token <t>] [--locale it|en] [--json]`
 * (SPEC §9, §10): reads the workbook, validates it with the core, and pushes the rows whose hash
 * changed since the last sync, and records the versions it got back in a sidecar next to the file
 * (`<file>.actionplan-sync.json`, see `../sync-state-file.ts`: the .xlsx itself is never rewritten).
 * The base of a push is the newer, per row, of the file's sync sheet and the sidecar; what is sent
 * goes through the core's one sync engine (`pushWorkbook`: the push rule, chunks within the
 * core's `PUSH_BUDGET` of rows and JSON bytes, each with its own idempotency key, one
 * retry policy honouring Retry-After, the next base matched by key with adoption); this file keeps
 * only the fetch transport and the sidecar. The sidecar keeps what every applied chunk returned
 * even when a later one fails. Cells are parsed with the locale the sync sheet states
 * (the add-in's), so hashes match the add-in's. Exit 0 all applied or unchanged, 1 some rows
 * conflicted or were invalid (or held back with errors), 2 unusable file, usage or API refusal.
 * The API URL and token come from --api/--token or ACTIONPLAN_API_URL/ACTIONPLAN_TOKEN only: a URL
 * named only by the workbook (or its sidecar) is refused, so a crafted file cannot collect a token.
 */
import { resolve } from "node:path";
import { analyzeWorkbook } from "#core/analyze.ts";
import type { EntityKind } from "#core/model.ts";
import type { Locale } from "#core/snapshot/types.ts";
import { pushWorkbook } from "#core/sync/engine.ts";
import type { WithheldDeletions } from "#core/sync/outgoing.ts";
import {
  apiPaths,
  ErrorBodySchema,
  PushResponseSchema,
  type PushRequest,
  type PushResponse,
} from "#core/sync/protocol.ts";
import { PUSH_BUDGET, type ChunkBudget } from "#core/sync/push-chunks.ts";
import { retryAfterMs } from "#core/sync/retry-after.ts";
import { RetryablePushError, type PushTransport } from "#core/sync/send-chunks.ts";
import { readSyncSheet } from "#core/sync/sync-sheet.ts";
import { apiUrlFromEnv } from "../api-call.ts";
import { EXIT, langOf, parseCommandArgs, readingLocaleOption, type CliIO, type Command } from "../command.ts";
import { readingLocale } from "#core/sheets/heading-language.ts";
import { readWorkbookFile, UnreadableWorkbookError } from "#xlsx/read-workbook.ts";
import { t, type CliString } from "../strings.ts";
import { mergeBase, readSidecar, sidecarOf, sidecarPath, writeSidecar } from "../sync-state-file.ts";

/** The CLI's chunk budget: the core's (`PUSH_BUDGET`). */
export const CLI_PUSH_BUDGET: ChunkBudget = PUSH_BUDGET;
/** Largest JSON body of one push request: well under the API's `MAX_BODY_BYTES` (413 beyond). */
export const CHUNK_MAX_BYTES = PUSH_BUDGET.maxBytes;

/** The plural label of a kind of row, for the "deletions not sent" warning (CLI catalogue keys). */
const ENTITY_LABEL = {
  priority: "sync.rows.priority",
  line: "sync.rows.line",
  project: "sync.rows.project",
  budget: "sync.rows.budget",
} as const satisfies Record<EntityKind, CliString>;

/** A refusal the user must act on (exit 2, one line). */
class SyncRefused extends Error {}

export const command: Command = {
  name: "sync",
  summary: "cmd.sync",
  async run(args: string[], io: CliIO): Promise<number> {
    const { values, positionals } = parseCommandArgs(
      args,
      {
        plan: { type: "string" },
        api: { type: "string" },
        token: { type: "string" },
        locale: { type: "string" },
        json: { type: "boolean" },
        help: { type: "boolean", short: "h" },
      },
      "sync",
    );
    // Messages in main's --lang; --locale says how cells are read when the sync sheet does not.
    const locale = langOf(io);
    const reading = readingLocaleOption(values.locale);
    const fail = (text: string): number => {
      io.stderr(`actionplan sync: ${text}`);
      return EXIT.unusable;
    };
    if (values.help) {
      io.stdout(t("usage.sync", locale));
      return EXIT.ok;
    }
    const file = positionals[0];
    if (!file || positionals.length > 1) return fail(t("usage.sync", locale));
    if (!values.plan) return fail(t("sync.no-plan", locale));
    const workbookPath = resolve(io.cwd, file);
    let snapshot;
    try {
      snapshot = await readWorkbookFile(workbookPath);
    } catch (error) {
      if (error instanceof UnreadableWorkbookError)
        return fail(t("sync.unreadable", locale, { value: file }));
      throw error;
    }
    const sheetState = readSyncSheet(snapshot);
    const stateFile = sidecarPath(workbookPath);
    const sidecar = await readSidecar(stateFile);
    if (sidecar.kind === "corrupt")
      io.stderr(`actionplan sync: ${t("sync.corrupt-state", locale, { value: stateFile })}`);
    const known = mergeBase(
      values.plan,
      sheetState?.planId === values.plan ? sheetState : undefined,
      sidecar.kind === "ok" ? sidecar.state : undefined,
    );
    // The token goes only where the user said: a URL the file names is never used on its own.
    const api = values.api ?? apiUrlFromEnv();
    const named = sheetState?.apiUrl ?? (sidecar.kind === "ok" ? sidecar.state.apiUrl : undefined);
    if (!api)
      return fail(named ? t("sync.api-from-file", locale, { value: named }) : t("sync.no-api", locale));
    const token = values.token ?? process.env["ACTIONPLAN_TOKEN"];
    if (!token) return fail(t("sync.no-token", locale));
    // Parse as the add-in did (the sync sheet's locale), so equal cells hash equally.
    const analysis = analyzeWorkbook(snapshot, {
      messagesLocale: locale,
      locale: readingLocale(snapshot, reading),
    });
    const run = crypto.randomUUID();
    const pushed = await pushWorkbook({
      plan: analysis.plan,
      sheetKinds: analysis.sheets.map((s) => s.kind),
      base: known ?? { planId: values.plan, rows: {} },
      budget: CLI_PUSH_BUDGET,
      transport: fetchTransport(api, values.plan, token, locale),
      keyOf: (_chunk, i) => `cli-${run}-${i}`,
    });
    for (const w of pushed.withheld) {
      const entity = t(ENTITY_LABEL[w.entity], locale);
      const key = `sync.withheld.${w.reason}` as const;
      io.stderr(`actionplan sync: ${t(key, locale, { count: w.count, entity })}`);
    }
    const { sent, results, held } = pushed;
    const failure =
      pushed.failure === undefined
        ? undefined
        : pushed.failure instanceof SyncRefused || pushed.failure instanceof RetryablePushError
          ? pushed.failure.message
          : t("sync.unreachable", locale, {
              value: pushed.failure instanceof Error ? pushed.failure.message : String(pushed.failure),
            });
    const counts = { applied: 0, unchanged: 0, conflict: 0, invalid: 0 };
    for (const r of results) counts[r.status]++;
    // Saved only when the cloud returned versions (also those of the chunks applied before a
    // failure); a failed save warns but never changes the exit code.
    let savedTo: string | null =
      sidecar.kind === "ok" && sidecar.state.planId === values.plan ? stateFile : null;
    if (counts.applied + counts.unchanged > 0) {
      try {
        await writeSidecar(stateFile, sidecarOf(values.plan, api, pushed.state));
        savedTo = stateFile;
      } catch {
        io.stderr(`actionplan sync: ${t("sync.state-not-saved", locale, { value: stateFile })}`);
      }
    }
    if (failure !== undefined) return fail(failure);
    if (values.json)
      io.stdout(
        JSON.stringify(
          {
            schema: 1,
            file,
            plan: values.plan,
            sent: sent.length,
            held: held.length,
            withheld: pushed.withheld satisfies WithheldDeletions[],
            counts,
            results,
            stateFile: savedTo,
          },
          null,
          2,
        ),
      );
    else {
      io.stdout(
        t("sync.summary", locale, {
          file,
          plan: values.plan,
          sent: sent.length,
          held: held.length,
          ...counts,
        }),
      );
      if (savedTo) io.stdout(t("sync.state-saved", locale, { value: savedTo }));
    }
    return counts.conflict + counts.invalid + held.length > 0 ? EXIT.errorsFound : EXIT.ok;
  },
};

/**
 * The CLI's transport: POST the push; 503, 429 and 409-in-progress are worth retrying with the same
 * idempotency key (the engine waits as their Retry-After says), anything else is a refusal.
 * Exported for the dying-writer test, which retries through it with the engine's own policy.
 */
export function fetchTransport(api: string, plan: string, token: string, locale: Locale): PushTransport {
  const url = `${api.replace(/\/+$/, "")}${apiPaths.sync(plan)}`;
  return {
    async send({ idempotencyKey, rows }): Promise<PushResponse> {
      const request: PushRequest = { idempotencyKey, source: "cli", rows };
      const res = await fetch(url, {
        method: "POST",
        headers: {
          authorization: `Bearer ${token}`,
          "content-type": "application/json",
          "accept-language": locale,
        },
        body: JSON.stringify(request),
      });
      const text = await res.text();
      if (res.ok) return PushResponseSchema.parse(JSON.parse(text));
      const error = ErrorBodySchema.safeParse(safeJson(text));
      const message = error.success
        ? (error.data.error.messages?.[locale] ?? error.data.error.message)
        : text.slice(0, 200);
      const refusal = t("sync.refused", locale, { status: res.status, value: message });
      const retry =
        res.status === 503 ||
        res.status === 429 ||
        (res.status === 409 && error.success && error.data.error.code === "idempotency.in-progress");
      if (retry)
        throw new RetryablePushError(refusal, {
          retryAfterMs: retryAfterMs(res.headers.get("retry-after"), Date.now()),
          cause: new SyncRefused(refusal),
        });
      throw new SyncRefused(refusal);
    },
  };
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
