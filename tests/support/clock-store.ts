/** A DynamoDB store whose clock a test moves (to age sequence gaps or idempotency records). */
import { config } from "#functions/config.ts";
import { createDocumentClient } from "#functions/store/client.ts";
import type { DynamoContext } from "#functions/store/dynamo/context.ts";
import { DynamoSyncStore } from "#functions/store/dynamo/store.ts";

export interface ClockStore {
  store: DynamoSyncStore;
  ctx: DynamoContext;
  /** Moves the store's clock forward. */
  advance(ms: number): void;
}

export function storeWithClock(options: {
  table: string;
  /** Where the SDK sends its calls (a proxy); default the configured DynamoDB endpoint. */
  endpoint?: string;
  gapTimeoutMs?: number;
  /** The idempotency lease (default: long enough never to run out in a test). */
  idempotencyLockMs?: number;
  parallelism?: number;
}): ClockStore {
  let offset = 0;
  const ctx: DynamoContext = {
    doc: createDocumentClient(
      options.endpoint === undefined ? config() : { ...config(), dynamoEndpoint: options.endpoint },
    ),
    table: options.table,
    now: () => Date.now() + offset,
    parallelism: options.parallelism ?? 4,
    gapTimeoutMs: options.gapTimeoutMs ?? 120_000,
    idempotencyLockMs: options.idempotencyLockMs ?? 120_000,
  };
  return { store: new DynamoSyncStore(ctx), ctx, advance: (ms) => (offset += ms) };
}
