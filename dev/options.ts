/**
 * Options of `npm start [-- --in-memory] [--port 3000] [--api-port 4300] [--http] [--dist dir]
 * [--workbooks dir] [--data dir]`; ports may also come from ACTIONPLAN_WEB_PORT / ACTIONPLAN_API_PORT, the
 * data folder from ACTIONPLAN_DATA_DIR (default .data/, shared with `npm run nightly`).
 */
import { createServer } from "node:net";
import { resolve } from "node:path";
import { parseArgs } from "node:util";
import { lookup } from "#core/i18n/catalogue.ts";
import { parseArgsFault } from "#core/i18n/parse-args-fault.ts";
import type { TemplateParams } from "#core/i18n/template.ts";
import type { Locale } from "#core/snapshot/types.ts";
import { START_MESSAGES, type StartMessage } from "./messages.ts";

export interface StartOptions {
  inMemory: boolean;
  webPort: number;
  apiPort: number;
  forceHttp: boolean;
  dist: string;
  workbooks: string;
  /** Holds dynamodb-local/ (persistent mode) and start.json. */
  data: string;
}

/**
 * A start-up problem the user fixes (exit 2, one line, no stack trace). It holds a catalogue key
 * and its parameters, not a sentence: dev/start.ts says it in the person's language ({@link text}).
 */
export class StartRefused extends Error {
  override readonly name = "StartRefused";
  constructor(
    readonly key: Extract<StartMessage, `refused.${string}`>,
    readonly params: TemplateParams = {},
    options?: { cause?: unknown },
  ) {
    super(key, options);
  }

  /** The refusal in `lang`. */
  text(lang: Locale): string {
    return lookup(START_MESSAGES, this.key, lang, this.params);
  }
}

/** A port from its flag, else its environment variable, else the default; the refusal names where the bad value came from. */
function port(flag: { name: string; value: string | undefined }, variable: { name: string; value: string | undefined }, fallback: number): number {
  const from = flag.value !== undefined ? flag : variable;
  if (from.value === undefined || from.value === "") return fallback;
  const n = Number(from.value);
  if (!Number.isInteger(n) || n < 1 || n > 65535) throw new StartRefused("refused.invalid-port", { source: from.name, value: from.value });
  return n;
}

const PARSE_REFUSALS = {
  "unknown-option": "refused.unknown-option",
  "option-needs-value": "refused.option-needs-value",
  "option-takes-no-value": "refused.option-takes-no-value",
  "unexpected-argument": "refused.unexpected-argument",
} as const;

/** Parses argv (without node and script); throws StartRefused on bad usage. */
export function parseStartOptions(argv: string[], env: NodeJS.ProcessEnv, root: string): StartOptions {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        "in-memory": { type: "boolean" },
        port: { type: "string" },
        "api-port": { type: "string" },
        http: { type: "boolean" },
        dist: { type: "string" },
        workbooks: { type: "string" },
        data: { type: "string" },
      },
      strict: true,
    }));
  } catch (cause) {
    // Node's English sentence is never shown: only the option or argument it names.
    const { kind, token } = parseArgsFault(cause);
    throw new StartRefused(PARSE_REFUSALS[kind], { option: token, value: token }, { cause });
  }
  return {
    inMemory: values["in-memory"] === true,
    webPort: port({ name: "--port", value: values.port }, { name: "ACTIONPLAN_WEB_PORT", value: env["ACTIONPLAN_WEB_PORT"] }, 3000),
    apiPort: port({ name: "--api-port", value: values["api-port"] }, { name: "ACTIONPLAN_API_PORT", value: env["ACTIONPLAN_API_PORT"] }, 4300),
    forceHttp: values.http === true,
    dist: resolve(root, values.dist ?? env["ACTIONPLAN_DIST"] ?? "dist"),
    workbooks: resolve(root, values.workbooks ?? "workbooks"),
    data: resolve(root, values.data ?? env["ACTIONPLAN_DATA_DIR"] ?? ".data"),
  };
}

/** Rejects with StartRefused when something already listens on the loopback port (`what`: the add-in's or the API's). */
export function assertPortFree(portNumber: number, what: "web" | "api"): Promise<void> {
  return new Promise((ok, fail) => {
    const probe = createServer();
    probe.once("error", (error: NodeJS.ErrnoException) =>
      fail(
        error.code === "EADDRINUSE"
          ? new StartRefused(`refused.${what}-port-in-use`, { port: portNumber }, { cause: error })
          : new StartRefused(`refused.${what}-port-unusable`, { port: portNumber, detail: error.code ?? error.message }, { cause: error }),
      ),
    );
    probe.listen(portNumber, "127.0.0.1", () => probe.close(() => ok()));
  });
}
