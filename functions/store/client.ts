/** The store the handlers use: created lazily from the configuration, once per Lambda instance. */
import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";
import { config, type FunctionsConfig } from "../config.ts";
import { DynamoSyncStore } from "./dynamo/store.ts";
import type { SyncStore } from "./store.ts";

let store: SyncStore | undefined;

/** The process-wide store (created on first use). */
export function defaultStore(): SyncStore {
  store ??= createStore(config());
  return store;
}

/** Replaces the process-wide store (local server, tests). */
export function setDefaultStore(next: SyncStore | undefined): void {
  store = next;
}

/** A DynamoDB document client for a configuration. */
export function createDocumentClient(
  cfg: Pick<FunctionsConfig, "region" | "dynamoEndpoint" | "sdkMaxAttempts">,
): DynamoDBDocumentClient {
  const local = cfg.dynamoEndpoint !== undefined;
  const client = new DynamoDBClient({
    region: cfg.region,
    maxAttempts: cfg.sdkMaxAttempts,
    // A hung connection becomes a retryable error instead of eating the Lambda's whole timeout.
    requestHandler: { connectionTimeout: 3_000, requestTimeout: 15_000 },
    ...(local
      ? { endpoint: cfg.dynamoEndpoint, credentials: { accessKeyId: "local", secretAccessKey: "local" } }
      : {}),
  });
  return DynamoDBDocumentClient.from(client, {
    // convertClassInstanceToMap: the marshaller takes an object whose `constructor` is not Object
    // for a class instance, and a row may well have a column headed "constructor" (a string).
    // Real class instances never get here: storable-values.ts refuses them first.
    marshallOptions: { removeUndefinedValues: true, convertEmptyValues: false, convertClassInstanceToMap: true },
  });
}

/** A DynamoDB store for a configuration. */
export function createStore(cfg: FunctionsConfig, now: () => number = Date.now): SyncStore {
  return new DynamoSyncStore({
    doc: createDocumentClient(cfg),
    table: cfg.tableName,
    now,
    parallelism: cfg.writeParallelism,
    gapTimeoutMs: cfg.gapTimeoutMs,
    idempotencyLockMs: cfg.idempotencyLockMs,
  });
}
