/**
 * `actionplan sync <file.xlsx> --plan <id> [--api <url>] [--token <t>] [--locale it|en] [--json]`
 * (SPEC §9, §10): reads the workbook, validates it with the core, and pushes the rows whose hash
 * changed since the last sync, and records the versions it got back in a sidecar next to the file
 * (`<file>.actionplan-sync.json`, see `../sync-state-file.ts`: the .xlsx itself is never rewritten).
 * The base of a push is the newer, per row, of the file's sync sheet and the sidecar. Retries with the
 * same idempotency key on 503/409-in-progress. Exit 0 all applied or unchanged, 1 some rows
 * conflicted or were invalid (or held back with errors), 2 unusable file, usage or API refusal.
 * The API URL and token may also come from ACTIONPLAN_API_URL and ACTIONPLAN_TOKEN.
 */
import { fillTemplate } from "#core/i18n/template.ts";
import { resolve } from "node:path";
import { analyzeWorkbook } from "#core/analyze.ts";
import type { Locale } from "#core/snapshot/types.ts";
import {
  apiPaths,
  ErrorBodySchema,
  PushResponseSchema,
  type PushRequest,
  type PushResponse,
} from "#core/sync/protocol.ts";
import { changedRows, planRows } from "#core/sync/rows.ts";
import { readSyncSheet } from "#core/sync/sync-sheet.ts";
import { EXIT, localeOption, parseCommandArgs, type CliIO, type Command } from "../command.ts";
import { readWorkbookFile, UnreadableWorkbookError } from "../read-xlsx.ts";
import {
  mergeBase,
  nextSidecar,
  readSidecar,
  sidecarPath,
  withoutKnownTombstones,
  writeSidecar,
} from "../sync-state-file.ts";

const TEXT = {
  usage: {
    it: "Uso: actionplan sync <file.xlsx> --plan <id> [--api <url>] [--token <token>] [--locale it|en] [--json]",
    en: "Usage: actionplan sync <file.xlsx> --plan <id> [--api <url>] [--token <token>] [--locale it|en] [--json]",
  },
  noPlan: { it: "manca --plan <id>", en: "missing --plan <id>" },
  noApi: {
    it: "manca l'indirizzo dell'API (--api o ACTIONPLAN_API_URL)",
    en: "missing the API address (--api or ACTIONPLAN_API_URL)",
  },
  noToken: {
    it: "manca il token (--token o ACTIONPLAN_TOKEN)",
    en: "missing the token (--token or ACTIONPLAN_TOKEN)",
  },
  unreadable: { it: "file illeggibile: {value}", en: "unreadable file: {value}" },
  refused: {
    it: "l'API ha rifiutato l'invio ({status}): {value}",
    en: "the API refused the push ({status}): {value}",
  },
  unreachable: { it: "API non raggiungibile: {value}", en: "API unreachable: {value}" },
  summary: {
    it: "{file} → piano {plan}: {sent} righe inviate; applicate {applied}, invariate {unchanged}, conflitti {conflict}, non valide {invalid}; trattenute per errori {held}.",
    en: "{file} → plan {plan}: {sent} rows sent; applied {applied}, unchanged {unchanged}, conflicts {conflict}, invalid {invalid}; held back with errors {held}.",
  },
  stateSaved: { it: "stato di sincronizzazione salvato in {value}", en: "sync state saved to {value}" },
  corruptState: {
    it: "avviso: stato di sincronizzazione illeggibile in {value}, ignorato (uso quello del file)",
    en: "warning: unreadable sync state in {value}, ignored (using the file's own)",
  },
  stateNotSaved: {
    it: "avviso: impossibile salvare lo stato di sincronizzazione in {value}; la prossima sincronizzazione potrebbe segnalare falsi conflitti",
    en: "warning: could not save the sync state to {value}; the next sync may report false conflicts",
  },
} as const;

function say(key: keyof typeof TEXT, locale: Locale, params: Record<string, string | number> = {}): string {
  return fillTemplate(TEXT[key][locale], params);
}

/** A refusal the user must act on (exit 2, one line). */
class SyncRefused extends Error {}

export const command: Command = {
  name: "sync",
  summary: {
    it: "invia le righe cambiate di una cartella di lavoro al piano nel cloud",
    en: "push a workbook's changed rows to the cloud plan",
  },
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
    const locale = localeOption(values.locale);
    const fail = (text: string): number => {
      io.stderr(`actionplan sync: ${text}`);
      return EXIT.unusable;
    };
    if (values.help) {
      io.stdout(say("usage", locale));
      return EXIT.ok;
    }
    const file = positionals[0];
    if (!file || positionals.length > 1) return fail(say("usage", locale));
    if (!values.plan) return fail(say("noPlan", locale));
    const workbookPath = resolve(io.cwd, file);
    let snapshot;
    try {
      snapshot = await readWorkbookFile(workbookPath);
    } catch (error) {
      if (error instanceof UnreadableWorkbookError) return fail(say("unreadable", locale, { value: file }));
      throw error;
    }
    const sheetState = readSyncSheet(snapshot);
    const stateFile = sidecarPath(workbookPath);
    const sidecar = await readSidecar(stateFile);
    if (sidecar.kind === "corrupt")
      io.stderr(`actionplan sync: ${say("corruptState", locale, { value: stateFile })}`);
    const known = mergeBase(
      values.plan,
      sheetState?.planId === values.plan ? sheetState : undefined,
      sidecar.kind === "ok" ? sidecar.state : undefined,
    );
    const api = values.api ?? known?.apiUrl ?? process.env["ACTIONPLAN_API_URL"];
    const token = values.token ?? process.env["ACTIONPLAN_TOKEN"];
    if (!api) return fail(say("noApi", locale));
    if (!token) return fail(say("noToken", locale));
    const { plan } = analyzeWorkbook(snapshot, { messagesLocale: locale });
    const { rows, held } = planRows(plan);
    const request: PushRequest = {
      idempotencyKey: `cli-${crypto.randomUUID()}`,
      source: "cli",
      rows: withoutKnownTombstones(changedRows(rows, known, held), known),
    };
    let response: PushResponse;
    try {
      response =
        request.rows.length === 0
          ? { results: [] }
          : await pushWithRetry(api, values.plan, token, request, locale);
    } catch (error) {
      if (error instanceof SyncRefused) return fail(error.message);
      return fail(
        say("unreachable", locale, { value: error instanceof Error ? error.message : String(error) }),
      );
    }
    const counts = { applied: 0, unchanged: 0, conflict: 0, invalid: 0 };
    for (const r of response.results) counts[r.status]++;
    // Saved only when the cloud returned versions; a failed save warns but never changes the exit code.
    let savedTo: string | null =
      sidecar.kind === "ok" && sidecar.state.planId === values.plan ? stateFile : null;
    if (counts.applied + counts.unchanged > 0) {
      try {
        await writeSidecar(
          stateFile,
          nextSidecar(values.plan, api, known, request.rows, response.results, rows),
        );
        savedTo = stateFile;
      } catch {
        io.stderr(`actionplan sync: ${say("stateNotSaved", locale, { value: stateFile })}`);
      }
    }
    if (values.json)
      io.stdout(
        JSON.stringify(
          {
            schema: 1,
            file,
            plan: values.plan,
            sent: request.rows.length,
            held: held.length,
            counts,
            results: response.results,
            stateFile: savedTo,
          },
          null,
          2,
        ),
      );
    else {
      io.stdout(
        say("summary", locale, {
          file,
          plan: values.plan,
          sent: request.rows.length,
          held: held.length,
          ...counts,
        }),
      );
      if (savedTo) io.stdout(say("stateSaved", locale, { value: savedTo }));
    }
    return counts.conflict + counts.invalid + held.length > 0 ? EXIT.errorsFound : EXIT.ok;
  },
};

/** POSTs the push; retries (same idempotency key, so no second effect) on 503 and 409-in-progress. */
async function pushWithRetry(
  api: string,
  plan: string,
  token: string,
  request: PushRequest,
  locale: Locale,
): Promise<PushResponse> {
  const url = `${api.replace(/\/+$/, "")}${apiPaths.sync(plan)}`;
  for (let attempt = 0; ; attempt++) {
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
    const retryable =
      res.status === 503 ||
      (res.status === 409 && error.success && error.data.error.code === "idempotency.in-progress");
    if (!retryable || attempt >= 5) {
      const message = error.success
        ? (error.data.error.messages?.[locale] ?? error.data.error.message)
        : text.slice(0, 200);
      throw new SyncRefused(say("refused", locale, { status: res.status, value: message }));
    }
    await new Promise((r) => setTimeout(r, 500 * 2 ** attempt));
  }
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
