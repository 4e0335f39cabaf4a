/**
 * Values too large for one DynamoDB item (400 KB), stored as gzip bytes split over part items:
 * idempotency responses (`IDEM#<key>#<n>`), checkpoints (`CKPD#…`) and kept reports (`RPTD#…`).
 * Parts are written before the item that points at them, so a reader never finds a pointer
 * without its parts (unless TTL removed them: `MissingPartError`).
 */
import { BatchGetCommand, PutCommand } from "@aws-sdk/lib-dynamodb";
import { chunk, mapLimit, type DynamoContext } from "./context.ts";

/** Bytes per part: well under the item limit with the keys and other attributes. */
export const PART_BYTES = 300 * 1024;

/** A pointer names a part that is not there (e.g. TTL removed the parts before their pointer). */
export class MissingPartError extends Error {}

/** `bytes` cut into parts of at most `size` bytes (at least one part, maybe empty). */
export function splitBytes(bytes: Uint8Array, size: number = PART_BYTES): Uint8Array[] {
  const out: Uint8Array[] = [];
  for (let i = 0; i < bytes.length; i += size) out.push(bytes.subarray(i, i + size));
  return out.length > 0 ? out : [bytes];
}

/** Writes each part as item `partSk(i)` with the bytes in attribute `attr`, 4 in flight. */
export async function writeParts(
  ctx: DynamoContext,
  pk: string,
  partSk: (part: number) => string,
  parts: readonly Uint8Array[],
  attr: string,
  extra: Record<string, unknown> = {},
): Promise<void> {
  await mapLimit(parts, 4, (bytes, i) =>
    ctx.doc.send(new PutCommand({ TableName: ctx.table, Item: { pk, sk: partSk(i), [attr]: bytes, ...extra } })),
  );
}

/** Reads parts 0..count-1 (attribute `attr`) back into one buffer; BatchGet, unprocessed keys retried. */
export async function readParts(
  ctx: DynamoContext,
  pk: string,
  partSk: (part: number) => string,
  count: number,
  attr: string,
): Promise<Buffer> {
  const keys = Array.from({ length: count }, (_, i) => ({ pk, sk: partSk(i) }));
  const data = new Map<string, Uint8Array>();
  for (const group of chunk(keys, 100)) {
    let pending: Record<string, unknown>[] = group;
    while (pending.length > 0) {
      const out = await ctx.doc.send(
        new BatchGetCommand({ RequestItems: { [ctx.table]: { Keys: pending, ConsistentRead: true } } }),
      );
      for (const item of out.Responses?.[ctx.table] ?? []) data.set(item["sk"] as string, item[attr] as Uint8Array);
      pending = (out.UnprocessedKeys?.[ctx.table]?.Keys ?? []) as Record<string, unknown>[];
    }
  }
  return Buffer.concat(
    keys.map((k) => {
      const part = data.get(k.sk);
      if (!part) throw new MissingPartError(`${pk}: part ${k.sk} missing`);
      return part;
    }),
  );
}
