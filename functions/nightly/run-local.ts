/**
 * `npm run nightly [-- --dir ./workbooks] [--plan <id>]`: runs the nightly job once, now, over a
 * folder. Uses the table the environment names (ACTIONPLAN_DYNAMODB_ENDPOINT, ACTIONPLAN_TABLE),
 * or else starts DynamoDB Local with its data in `.data/dynamodb-local/` so that the next run
 * remembers what it saw. Prints one line per file (its problems: the first 10, then how many more),
 * then a summary with the skipped files counted by reason.
 *
 * Exit codes: 0 nothing needs a person; 1 something does — a conflict, an invalid or held-back
 * row (also one still open from an earlier night on a file skipped as unchanged), a file that
 * could not be read or pushed, a file tied to no plan; 2 the job itself could not run, or the
 * command line was wrong. Every line is in LC_ALL/LANG's language (else Italian).
 */
import { mkdirSync } from "node:fs";
import { resolve } from "node:path";
import { parseArgs } from "node:util";
import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { config, resetConfig } from "#functions/config.ts";
import { createTable } from "#functions/local/create-table.ts";
import { startDynamoDbLocal } from "#functions/local/dynamodb-local.ts";
import type { DynamoDbLocal } from "#functions/local/dynamodb-local.ts";
import { createDocumentClient, createStore } from "#functions/store/client.ts";
import { parseArgsFault } from "#core/i18n/parse-args-fault.ts";
import { langFromEnv } from "#core/i18n/posix-lang.ts";
import { consoleReport } from "./console-report.ts";
import { runLocalNightly } from "./local-run.ts";
import { nightlyMessage } from "./messages.ts";
import { DynamoWorkbookRegistry } from "./registry-dynamo.ts";

async function ensureTable(endpoint: string, table: string): Promise<void> {
  const client = new DynamoDBClient({ region: "eu-south-1", endpoint, credentials: { accessKeyId: "local", secretAccessKey: "local" } });
  try {
    await createTable(client, table);
  } catch (error) {
    if ((error as { name?: string }).name !== "ResourceInUseException") throw error;
  } finally {
    client.destroy();
  }
}

/** The language of every line: LC_ALL/LANG's, else Italian (as npm start and the CLI). */
const LANG = langFromEnv(process.env) ?? "it";

/** A bad command line, said in LANG (exit 2, as a job that cannot run). */
class UsageRefused extends Error {}

function options(): { dir: string; plan?: string } {
  try {
    return parseArgs({ options: { dir: { type: "string", default: "workbooks" }, plan: { type: "string" } } }).values;
  } catch (cause) {
    // Node's English sentence is never shown: only the option or argument it names.
    const { kind, token } = parseArgsFault(cause);
    throw new UsageRefused(nightlyMessage(`console.${kind}`, LANG, { option: token }), { cause });
  }
}

async function main(): Promise<number> {
  const values = options();
  let dynamo: DynamoDbLocal | undefined;
  if (!process.env["ACTIONPLAN_DYNAMODB_ENDPOINT"] && !process.env["ACTIONPLAN_TABLE"]) {
    const dbPath = resolve(".data", "dynamodb-local");
    mkdirSync(dbPath, { recursive: true });
    dynamo = await startDynamoDbLocal({ inMemory: false, dbPath });
    process.env["ACTIONPLAN_DYNAMODB_ENDPOINT"] = dynamo.endpoint;
    process.env["ACTIONPLAN_TABLE"] = "actionplan";
    process.env["AWS_REGION"] ??= "eu-south-1";
    resetConfig();
    await ensureTable(dynamo.endpoint, "actionplan");
  }
  try {
    const cfg = config();
    const result = await runLocalNightly({
      dir: resolve(values.dir),
      store: createStore(cfg),
      registry: new DynamoWorkbookRegistry(createDocumentClient(cfg), cfg.tableName),
      ...(values.plan ? { fallbackPlan: values.plan } : {}),
    });
    const report = consoleReport(result, LANG, resolve(values.dir));
    for (const line of report.lines) console.log(line);
    return report.needsPerson ? 1 : 0;
  } finally {
    await dynamo?.stop();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    if (error instanceof UsageRefused) console.error(nightlyMessage("console.refused", LANG, { reason: error.message }));
    // The cause's own first line (a system error such as "ECONNREFUSED …") is the detail an engineer can search for.
    else console.error(nightlyMessage("console.run-failed", LANG, { detail: error instanceof Error ? (error.message.split("\n")[0] ?? "") : String(error) }));
    process.exit(2);
  },
);
