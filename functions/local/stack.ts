/**
 * The local stack: DynamoDB Local + the table + the dev issuer + the API server, wired through
 * the same configuration the Lambdas read. Used by `actionplan serve`, the tests and the bench.
 * Dev and test only.
 */
import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { config, resetConfig } from "../config.ts";
import { setWorkbookRegistry } from "../nightly/workbooks-handler.ts";
import { createStore, setDefaultStore } from "../store/client.ts";
import type { SyncStore } from "../store/store.ts";
import { createTable } from "./create-table.ts";
import { DEV_ISSUER_FLAG, startDevIssuer, type DevIssuer } from "./dev-issuer.ts";
import { startDynamoDbLocal, type DynamoDbLocal } from "./dynamodb-local.ts";
import { startApiServer, type ApiServer } from "./server.ts";

export interface LocalStackOptions {
  /** API port (default: a free one). */
  port?: number;
  /** Reuse a running DynamoDB Local instead of starting one. */
  dynamo?: DynamoDbLocal;
  /** Where the functions send DynamoDB calls (default: DynamoDB Local itself; tests put a fault proxy here). */
  dynamoEndpoint?: string;
  tableName?: string;
  corsOrigins?: string[];
  /** Extra environment for the functions (e.g. ACTIONPLAN_GAP_TIMEOUT_MS). */
  env?: Record<string, string>;
}

export interface LocalStack {
  apiUrl: string;
  dynamo: DynamoDbLocal;
  issuer: DevIssuer;
  api: ApiServer;
  store: SyncStore;
  tableName: string;
  stop(): Promise<void>;
}

let tables = 0;

/** Starts everything; `stop()` undoes it (DynamoDB Local only if this call started it). */
export async function startLocalStack(options: LocalStackOptions = {}): Promise<LocalStack> {
  process.env[DEV_ISSUER_FLAG] = "1";
  const dynamo = options.dynamo ?? (await startDynamoDbLocal());
  const ownsDynamo = options.dynamo === undefined;
  const tableName = options.tableName ?? `actionplan-${process.pid}-${++tables}`;
  const issuer = await startDevIssuer();
  Object.assign(process.env, {
    ACTIONPLAN_TABLE: tableName,
    ACTIONPLAN_DYNAMODB_ENDPOINT: options.dynamoEndpoint ?? dynamo.endpoint,
    AWS_REGION: "eu-south-1",
    ACTIONPLAN_AUTH_ISSUERS: issuer.issuer,
    ACTIONPLAN_AUTH_AUDIENCE: issuer.audience,
    ACTIONPLAN_AUTH_JWKS_URI: issuer.jwksUri,
    ACTIONPLAN_CORS_ORIGINS: (options.corsOrigins ?? ["https://localhost:3000"]).join(","),
    // DynamoDB Local runs transactions one after another, so more in flight buys nothing
    // (measured on 2 cores, push of 10 000 rows at 1/2/4/8 in flight: all 5.4–7.1 s, within noise).
    // Its transactions cost ~2–2.5× the Java CPU of BatchWriteItem for the same items, with or
    // without conditions: that, not our code, is most of a push's time against DynamoDB Local.
    ACTIONPLAN_WRITE_PARALLELISM: "2",
    ...options.env,
  });
  resetConfig();
  const admin = new DynamoDBClient({
    region: "eu-south-1",
    endpoint: dynamo.endpoint,
    credentials: { accessKeyId: "local", secretAccessKey: "local" },
  });
  await createTable(admin, tableName);
  admin.destroy();
  const store = createStore(config());
  setDefaultStore(store);
  // The workbook routes keep their own registry: make it follow this stack's table.
  setWorkbookRegistry(undefined);
  const api = await startApiServer({
    ...(options.port === undefined ? {} : { port: options.port }),
    corsOrigins: config().corsOrigins,
  });
  return {
    apiUrl: api.url,
    dynamo,
    issuer,
    api,
    store,
    tableName,
    async stop() {
      await api.stop();
      await issuer.stop();
      setDefaultStore(undefined);
      if (ownsDynamo) await dynamo.stop();
    },
  };
}
