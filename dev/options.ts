/**
 * Options of `npm start [-- --in-memory] [--port 3000] [--api-port 4300] [--http] [--dist dir]
 * [--workbooks dir] [--data dir]`; ports may also come from ACTIONPLAN_WEB_PORT / ACTIONPLAN_API_PORT, the
 * data folder from ACTIONPLAN_DATA_DIR (default .data/, shared with `npm run nightly`).
 */
import { createServer } from "node:net";
import { resolve } from "node:path";
import { parseArgs } from "node:util";

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

/** A start-up problem the user fixes (exit 2, one line, no stack trace). */
export class StartRefused extends Error {
  override name = "StartRefused";
}

function port(value: string | undefined, fallback: number, flag: string): number {
  if (value === undefined || value === "") return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 65535) throw new StartRefused(`invalid ${flag}: ${value}`);
  return n;
}

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
  } catch (error) {
    throw new StartRefused(error instanceof Error ? error.message : String(error));
  }
  return {
    inMemory: values["in-memory"] === true,
    webPort: port(values.port ?? env["ACTIONPLAN_WEB_PORT"], 3000, "--port"),
    apiPort: port(values["api-port"] ?? env["ACTIONPLAN_API_PORT"], 4300, "--api-port"),
    forceHttp: values.http === true,
    dist: resolve(root, values.dist ?? env["ACTIONPLAN_DIST"] ?? "dist"),
    workbooks: resolve(root, values.workbooks ?? "workbooks"),
    data: resolve(root, values.data ?? env["ACTIONPLAN_DATA_DIR"] ?? ".data"),
  };
}

/** Rejects with StartRefused when something already listens on the loopback port. */
export function assertPortFree(portNumber: number, what: string): Promise<void> {
  return new Promise((ok, fail) => {
    const probe = createServer();
    probe.once("error", (error: NodeJS.ErrnoException) =>
      fail(new StartRefused(error.code === "EADDRINUSE" ? `port ${portNumber} (${what}) is already in use — is npm start already running? Stop it, or pass --${what === "API" ? "api-port" : "port"} <n>.` : `cannot listen on port ${portNumber} (${what}): ${error.code ?? error.message}`)),
    );
    probe.listen(portNumber, "127.0.0.1", () => probe.close(() => ok()));
  });
}
