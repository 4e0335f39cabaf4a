/**
 * Checkpoints in DynamoDB: a plan's live rows as gzip JSON, split into parts under the 400 KB
 * item limit (`CKPD#<seq>#<part>`), and a small header (`CKPH#<seq>`) written last, on condition
 * it is not there yet. A header therefore means its parts are whole; parts whose header never
 * came (a builder that died) are ignored and simply overwritten by the next builder of that seq.
 * Serialisation is deterministic (rows sorted by entity and key), so two builders of one seq
 * write the same bytes and whichever header lands first is the same checkpoint.
 */
import { gunzipSync, gzipSync } from "node:zlib";
import { PutCommand, QueryCommand } from "@aws-sdk/lib-dynamodb";
import type { EntityKind } from "#core/model.ts";
import type { RowValues } from "#core/sync/protocol.ts";
import { CKPT_HEAD_PREFIX, ckptHeadSk, ckptPartSk, planPk } from "../keys.ts";
import { translateSdkError } from "../errors.ts";
import type { Checkpoint, LiveRow } from "../store.ts";
import type { DynamoContext } from "./context.ts";
import { readParts, splitBytes, writeParts } from "./parts.ts";

interface Header {
  seq: number;
  maxAt: number;
  parts: number;
}

/** One row as serialised: [entity, key, updatedAt, values] (a third of the bytes of objects). */
type PackedRow = [EntityKind, string, string, RowValues];

export function packRows(rows: readonly LiveRow[]): Buffer {
  const packed: PackedRow[] = rows
    .map((r): PackedRow => [r.entity, r.key, r.updatedAt, r.values])
    .sort((a, b) => (a[0] === b[0] ? (a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0) : a[0] < b[0] ? -1 : 1));
  return gzipSync(JSON.stringify(packed));
}

export function unpackRows(bytes: Buffer): LiveRow[] {
  const packed = JSON.parse(gunzipSync(bytes).toString("utf8")) as PackedRow[];
  return packed.map(([entity, key, updatedAt, values]) => ({ entity, key, updatedAt, values }));
}

export async function writeCheckpoint(ctx: DynamoContext, plan: string, checkpoint: Checkpoint): Promise<void> {
  const pk = planPk(plan);
  const bytes = packRows(checkpoint.rows);
  try {
    const parts = splitBytes(bytes);
    await writeParts(ctx, pk, (i) => ckptPartSk(checkpoint.seq, i), parts, "data");
    await ctx.doc.send(
      new PutCommand({
        TableName: ctx.table,
        Item: {
          pk,
          sk: ckptHeadSk(checkpoint.seq),
          seq: checkpoint.seq,
          maxAt: checkpoint.maxAt,
          parts: parts.length,
          rows: checkpoint.rows.length,
          bytes: bytes.length,
        },
        ConditionExpression: "attribute_not_exists(sk)",
      }),
    );
  } catch (error) {
    // Another builder stored this very checkpoint first: same content, nothing to do.
    if ((error as { name?: string }).name === "ConditionalCheckFailedException") return;
    throw translateSdkError(error);
  }
}

/** The newest checkpoint with maxAt ≤ atMs: headers newest first (small items), then its parts. */
export async function readCheckpoint(ctx: DynamoContext, plan: string, atMs: number): Promise<Checkpoint | undefined> {
  const pk = planPk(plan);
  let header: Header | undefined;
  let startKey: Record<string, unknown> | undefined;
  try {
    do {
      const page = await ctx.doc.send(
        new QueryCommand({
          TableName: ctx.table,
          KeyConditionExpression: "pk = :pk AND begins_with(sk, :p)",
          ExpressionAttributeValues: { ":pk": pk, ":p": CKPT_HEAD_PREFIX },
          ProjectionExpression: "seq, maxAt, parts",
          ScanIndexForward: false,
          ConsistentRead: true,
          ExclusiveStartKey: startKey,
        }),
      );
      header = ((page.Items ?? []) as Header[]).find((h) => h.maxAt <= atMs);
      startKey = page.LastEvaluatedKey;
    } while (!header && startKey);
    if (!header) return undefined;
    const found = header;
    const bytes = await readParts(ctx, pk, (i) => ckptPartSk(found.seq, i), found.parts, "data");
    return { seq: found.seq, maxAt: found.maxAt, rows: unpackRows(bytes) };
  } catch (error) {
    throw translateSdkError(error);
  }
}
