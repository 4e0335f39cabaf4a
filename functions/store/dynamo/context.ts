/** What every DynamoDB store function needs: the document client, the table, a clock, limits. */
import type { DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";

export interface DynamoContext {
  doc: DynamoDBDocumentClient;
  table: string;
  /** Injectable clock (tests move it to age sequence gaps). */
  now: () => number;
  /** Transactions in flight at once per push. */
  parallelism: number;
  /**
   * A sequence number allocated longer ago than this and still not written is fenced by pullers
   * (see changes.ts). Numbers are allocated per transaction just before it is sent
   * (write-rows.ts), so only a transaction stuck this long is fenced, and its writer simply takes
   * a new number.
   */
  gapTimeoutMs: number;
  /**
   * The lease of a push's idempotency claim: the running push renews it (renewIdempotency), so a
   * claim not renewed for this long belongs to a dead writer and its retry may take it over.
   */
  idempotencyLockMs: number;
}

/**
 * Runs `fn` over `items` with at most `limit` calls in flight. After the first failure no
 * further call starts, and the failure is thrown only once the calls in flight have settled:
 * nothing this runs writes after its caller has seen the error.
 */
export async function mapLimit<T, R>(
  items: readonly T[],
  limit: number,
  fn: (item: T, index: number) => Promise<R>,
): Promise<R[]> {
  const out = new Array<R>(items.length);
  let next = 0;
  let failure: { error: unknown } | undefined;
  const worker = async (): Promise<void> => {
    while (failure === undefined && next < items.length) {
      const i = next++;
      try {
        out[i] = await fn(items[i] as T, i);
      } catch (error) {
        failure ??= { error };
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  if (failure !== undefined) throw failure.error;
  return out;
}

/** Splits into chunks of at most `size`. */
export function chunk<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
