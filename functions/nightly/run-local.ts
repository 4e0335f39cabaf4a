/**
 * `npm run nightly [-- --dir ./workbooks] [--plan <id>]`: runs the nightly job once, now, over a
 * folder. Uses the table the environment names (ACTIONPLAN_DYNAMODB_ENDPOINT, ACTIONPLAN_TABLE),
 * or else starts DynamoDB Local with its data in `.data/dynamodb-local/` so that the next run
 * remembers what it saw. Prints one line per file; exit code 1 when a file failed.
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
import { runLocalNightly } from "./local-run.ts";
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
    for (const file of result.unassigned) console.log(`${file}: no plan (no sync sheet) — pass --plan <id> / nessun piano: usare --plan <id>`);
    let failed = result.unassigned.length > 0;
    for (const report of result.reports) {
      for (const f of report.files) {
        failed ||= f.status === "error";
        console.log(`${report.plan}  ${f.file}  ${f.status}  applied=${f.applied} unchanged=${f.unchanged} conflicts=${f.conflicts} invalid=${f.invalid}`);
        for (const e of f.errors.slice(0, 10)) console.log(`    ${e.sheet ? `${e.sheet}!${e.cell ?? ""} ` : ""}${e.message}`);
      }
    }
    if (result.reports.length === 0 && result.unassigned.length === 0) console.log(`no .xlsx in ${resolve(values.dir)} / nessun .xlsx in ${resolve(values.dir)}`);
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
