/**
 * Rows packed into TransactWriteItems calls within both of DynamoDB's limits: 100 items per call
 * (two per row, so 50 rows) and 4 MB for the items of one call. Each row writes its values twice
 * (the ROW# item and the CHG# history item), so 40 rows of 60 KB already pass 4 MB.
 */

/** Rows per transaction: two items each, 100 items per TransactWriteItems. */
export const ROWS_PER_TRANSACTION = 50;

/** Bytes of items per transaction: DynamoDB allows 4 MB; the estimate below is not exact. */
export const TRANSACTION_BUDGET_BYTES = 3.5 * 1024 * 1024;

/** Keys, version, hash, actor, dates and the history keys of one item, generously. */
const ITEM_OVERHEAD_BYTES = 1024;

/**
 * DynamoDB stores small numbers, nulls and list elements in more bytes than their JSON text
 * (`1,` is 2 bytes of JSON, 3 of a DynamoDB list): 1.5 covers the worst of these.
 */
const JSON_TO_ITEM = 1.5;

/** Estimated bytes a row's two items add to a transaction. */
export function rowTransactionBytes(values: unknown, deleted: boolean): number {
  const valueBytes = deleted ? 0 : Buffer.byteLength(JSON.stringify(values), "utf8");
  return 2 * (Math.ceil(valueBytes * JSON_TO_ITEM) + ITEM_OVERHEAD_BYTES);
}

/**
 * Splits `items` in order into batches of at most `maxRows` whose `bytes` add up to at most
 * `budget` (a single item over the budget still gets a batch of its own).
 */
export function packBatches<T extends { bytes: number }>(
  items: readonly T[],
  maxRows: number,
  budget = TRANSACTION_BUDGET_BYTES,
): T[][] {
  const out: T[][] = [];
  let batch: T[] = [];
  let bytes = 0;
  for (const item of items) {
    if (batch.length > 0 && (batch.length >= maxRows || bytes + item.bytes > budget)) {
      out.push(batch);
      batch = [];
      bytes = 0;
    }
    batch.push(item);
    bytes += item.bytes;
  }
  if (batch.length > 0) out.push(batch);
  return out;
}
