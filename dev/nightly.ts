/**
 * `npm run nightly`: the nightly job over ./workbooks/ now. When a persistent `npm start` is
 * running (on the same ACTIONPLAN_DATA_DIR, default .data/) it uses that process's DynamoDB Local (one JVM per data folder); otherwise
 * functions/nightly/run-local.ts starts its own on the same .data/dynamodb-local/ folder.
 */
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { lookup } from "#core/i18n/catalogue.ts";
import { langFromEnv } from "#core/i18n/posix-lang.ts";
import { START_MESSAGES } from "./messages.ts";
import { readRunning } from "./state-file.ts";

const data = process.env["ACTIONPLAN_DATA_DIR"] ?? join(fileURLToPath(new URL("../", import.meta.url)), ".data");
const running = readRunning(join(data, "start.json"));
if (running && process.env["ACTIONPLAN_DYNAMODB_ENDPOINT"] === undefined) {
  process.env["ACTIONPLAN_DYNAMODB_ENDPOINT"] = running.dynamoEndpoint;
  process.env["ACTIONPLAN_TABLE"] = running.tableName;
  process.env["AWS_REGION"] ??= "eu-south-1";
  // In the language the job's report then uses (functions/nightly/run-local.ts reads LC_ALL/LANG alike).
  console.log(lookup(START_MESSAGES, "nightly.uses-start", langFromEnv(process.env) ?? "it", { pid: running.pid, endpoint: running.dynamoEndpoint }));
}
await import("#functions/nightly/run-local.ts");
