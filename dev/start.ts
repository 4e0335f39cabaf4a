/**
 * `npm start`: the whole product on this machine, with embedded defaults. Composes the pieces the
 * other areas own: DynamoDB Local (persistent under .data/ unless --in-memory), the local API with
 * the dev token issuer, an HTTPS dev server for dist/ on https://localhost:3000 (built first when
 * missing or stale), the plan "clust-er-2025" with the sample workbook imported, and the nightly
 * job on ./workbooks/ at 03:30. Prints the URLs and a token once ready; Ctrl-C stops it all.
 * Dev only: nothing deployed imports this folder.
 */
import { mkdirSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { CREATE_PLANS_APP_ROLE } from "#functions/auth/roles.ts";
import { config } from "#functions/config.ts";
import { startDynamoDbLocal, type DynamoDbLocal } from "#functions/local/dynamodb-local.ts";
import { startLocalStack, type LocalStack } from "#functions/local/stack.ts";
import { createDocumentClient } from "#functions/store/client.ts";
import { devTls } from "./certs.ts";
import { ensureDist } from "./dist.ts";
import { scheduleNightly, type NightlySchedule } from "./nightly-schedule.ts";
import { watchOrphaned } from "./orphan-watch.ts";
import { assertPortFree, parseStartOptions, StartRefused } from "./options.ts";
import { readyText } from "./ready-text.ts";
import { langFromEnv } from "#core/i18n/posix-lang.ts";
import { lookup } from "#core/i18n/catalogue.ts";
import { START_MESSAGES } from "./messages.ts";
import { ensureSampleWorkbook, seedPlan } from "./sample.ts";
import { clearState, readRunning, writeState } from "./state-file.ts";
import { startDevServer, type DevServer } from "./static-server.ts";

const ROOT = fileURLToPath(new URL("../", import.meta.url));
const PLAN = "clust-er-2025";
const PLAN_TITLE = "Clust-ER Health Action Plan 2025";
const DEV_USER = "dev-user";
const TABLE = "actionplan";
const SAMPLE = "sample-action-plan.xlsx";
/** The language of everything printed: LC_ALL/LANG's, else Italian (as the CLI and the nightly job). */
const LANG = langFromEnv(process.env) ?? "it";

/** What is running, so that a failure or Ctrl-C stops exactly what this process started. */
interface Running {
  dynamo?: DynamoDbLocal;
  stack?: LocalStack;
  web?: DevServer;
  nightly?: NightlySchedule;
  stateFile?: string;
}

/** A path as the user reads it: relative inside the repository, absolute elsewhere. */
function shown(path: string): string {
  const rel = relative(ROOT, path);
  return rel.startsWith("..") || rel === "" ? path : rel;
}

async function stopAll(running: Running): Promise<void> {
  await running.nightly?.stop();
  await running.web?.stop().catch(() => undefined);
  await running.stack?.stop().catch(() => undefined);
  await running.dynamo?.stop().catch(() => undefined);
  if (running.stateFile) clearState(running.stateFile);
}

async function main(running: Running): Promise<void> {
  const options = parseStartOptions(process.argv.slice(2), process.env, ROOT);
  // dynamodb-local/ is the folder functions/nightly/run-local.ts uses too, so both see the same data.
  const dbPath = join(options.data, "dynamodb-local");
  const stateFile = join(options.data, "start.json");
  const other = options.inMemory ? undefined : readRunning(stateFile);
  if (other) throw new StartRefused("refused.already-running", { pid: other.pid, url: other.webUrl });
  await assertPortFree(options.webPort, "web");
  await assertPortFree(options.apiPort, "api");
  process.env["POWERTOOLS_LOG_LEVEL"] ??= "WARN";

  const workbook = join(options.workbooks, SAMPLE);
  if (!options.inMemory) mkdirSync(dbPath, { recursive: true });
  // The slow parts are independent: the JVM starts while esbuild builds and openssl runs.
  const [dynamo, built, tls, sampleWritten] = await Promise.all([
    // Recorded as soon as it runs, so a failing build still stops the JVM.
    startDynamoDbLocal(options.inMemory ? {} : { inMemory: false, dbPath }).then((d) => (running.dynamo = d)),
    ensureDist(options.dist),
    devTls({ cacheDir: join(ROOT, ".cache"), forceHttp: options.forceHttp }),
    ensureSampleWorkbook(workbook, PLAN),
  ]);
  const scheme = tls.kind === "http" ? "http" : "https";
  const origins = [`${scheme}://localhost:${options.webPort}`, `${scheme}://127.0.0.1:${options.webPort}`];
  running.stack = await startLocalStack({ port: options.apiPort, dynamo, tableName: TABLE, corsOrigins: origins });
  const stack = running.stack;
  const api = { target: stack.apiUrl, devUser: DEV_USER, mintToken: (oid: string) => stack.issuer.mintToken({ oid, name: oid, expiresIn: 12 * 3600 }) };
  running.web = await startDevServer({ root: options.dist, port: options.webPort, tls, api });
  const sample = await seedPlan({ store: stack.store, plan: PLAN, title: PLAN_TITLE, admin: DEV_USER, workbook, recordBase: sampleWritten });
  const token = await stack.issuer.mintToken({ oid: DEV_USER, name: "Dev User", expiresIn: 12 * 3600, roles: [CREATE_PLANS_APP_ROLE] });
  running.nightly = scheduleNightly({
    dir: options.workbooks,
    store: stack.store,
    documents: createDocumentClient(config()),
    tableName: TABLE,
    fallbackPlan: PLAN,
    lang: LANG,
    log: (line) => console.log(line),
  });
  if (!options.inMemory) {
    running.stateFile = stateFile;
    writeState(stateFile, { pid: process.pid, apiUrl: stack.apiUrl, webUrl: running.web.url, dynamoEndpoint: dynamo.endpoint, tableName: TABLE });
  }
  console.log(
    readyText({
      seconds: performance.now() / 1000,
      webUrl: running.web.url,
      apiUrl: stack.apiUrl,
      plan: PLAN,
      user: DEV_USER,
      token,
      data: options.inMemory ? {} : { persistent: shown(dbPath) },
      sample: { path: shown(workbook), ...(sample.created ? { imported: sample.imported } : {}) },
      build: built,
      tls,
      workbooks: shown(options.workbooks),
      nextNightly: running.nightly.next,
      lang: LANG,
    }),
  );
}

const running: Running = {};
let stopping = false;
const shutdown = (signal: NodeJS.Signals): void => {
  if (stopping) return;
  stopping = true;
  void stopAll(running).then(() => {
    console.log(lookup(START_MESSAGES, "stopped", LANG, { signal }));
    process.exit(0);
  });
};
process.on("SIGINT", shutdown);
process.on("SIGTERM", shutdown);
// A closed terminal window: stop as cleanly as on Ctrl-C.
process.on("SIGHUP", shutdown);
// npm killed alone (its sh does not pass the signal on): stop rather than linger with the JVM.
watchOrphaned(() => shutdown("SIGTERM"));

main(running).catch(async (error: unknown) => {
  await stopAll(running);
  if (error instanceof StartRefused) {
    console.error(`npm start: ${error.text(LANG)}`);
    process.exit(2);
  }
  // The cause's own first line (a system error such as "ENOTDIR: …") is the detail an engineer can search for.
  const detail = error instanceof Error ? (error.message.split("\n")[0] ?? "") : String(error);
  console.error(`npm start: ${lookup(START_MESSAGES, "failed", LANG, { detail })}`);
  process.exit(1);
});
