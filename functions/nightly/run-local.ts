/**
 * `npm run nightly [-- --dir ./workbooks] [--plan <id>]`: runs the nightly job once, now, over a
 * folder. Uses the table the environment names (ACTIONPLAN_DYNAMODB_ENDPOINT, ACTIONPLAN_TABLE),
 * or else starts DynamoDB Local with its data in `.data/dynamodb-local/` so that the next run
 * remembers what it saw. Prints one line per file (its problems: the first 10, then how many more),
 * then a summary with the skipped files counted by reason.
 *
 * Exit codes: 0 nothing needs a person; 1 something does — a conflict, an invalid or held-back
 * row (also one still open from an earlier night on a file skipped as unchanged), a file that
 * could not be read or pushed, a file tied to no plan; 2 the job itself could not run.
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
import { langFromEnv } from "#core/i18n/posix-lang.ts";
import { runLocalNightly } from "./local-run.ts";
import { nightlyMessage } from "./messages.ts";
import { DynamoWorkbookRegistry } from "./registry-dynamo.ts";
import { needsPerson } from "#core/sync/run-status.ts";

/** Problem lines printed per file; the rest are counted ("… and N more"), all are in the run report. */
const SHOWN_ERRORS = 10;

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

async function main(): Promise<number> {
  const { values } = parseArgs({ options: { dir: { type: "string", default: "workbooks" }, plan: { type: "string" } } });
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
    const lang = langFromEnv(process.env) ?? "it";
    for (const file of result.unassigned) console.log(nightlyMessage("console.no-plan", lang, { file }));
    const files = result.reports.flatMap((report) => report.files.map((f) => ({ plan: report.plan, f })));
    for (const { plan, f } of files) {
      console.log(`${plan}  ${f.file}  ${f.status}  applied=${f.applied} unchanged=${f.unchanged} conflicts=${f.conflicts} invalid=${f.invalid}`);
      for (const e of f.errors.slice(0, SHOWN_ERRORS)) console.log(`    ${e.sheet ? `${e.sheet}!${e.cell ?? ""} ` : ""}${e.message}`);
      const more = f.errors.length - SHOWN_ERRORS;
      if (more > 0) console.log(`    ${nightlyMessage("more", lang, { count: more })}`);
    }
    if (result.reports.length === 0 && result.unassigned.length === 0) console.log(nightlyMessage("console.no-files", lang, { dir: resolve(values.dir) }));
    const skipped = files.filter(({ f }) => f.status === "skipped-unchanged").length;
    const attention = files.filter(({ f }) => needsPerson(f)).length + result.unassigned.length;
    const counts = { files: files.length + result.unassigned.length, unchanged: skipped, unassigned: result.unassigned.length, attention };
    console.log(nightlyMessage("console.summary", lang, counts));
    const failed = attention > 0;
    return failed ? 1 : 0;
  } finally {
    await dynamo?.stop();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`nightly: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(2);
  },
);
