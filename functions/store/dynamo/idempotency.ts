/**
 * Idempotency records on the same table: IDEM#<key> is claimed with a conditional put before a
 * push runs and completed with the push's response, so a repeated push returns the first result
 * and has no second effect. The response is gzipped (a 10 000-row result compresses ~20×) and
 * split over IDEM#<key>#<n> parts when it would not fit one item.
 *
 * A pending claim is a lease (`lockUntil`) that the running push renews; a claim whose lease ran
 * out belongs to a writer that died and is taken over by a retry of the same request. Renewing,
 * completing and releasing are conditional on the claim id, so a writer that was only slow and
 * lost its claim never overwrites or frees the claim of the retry that took over.
 */
import { gunzipSync, gzipSync } from "node:zlib";
import { DeleteCommand, PutCommand, UpdateCommand } from "@aws-sdk/lib-dynamodb";
import { unmarshall } from "@aws-sdk/util-dynamodb";
import type { AttributeValue } from "@aws-sdk/client-dynamodb";
import { PushResponseSchema, type PushResponse } from "#core/sync/protocol.ts";
import { IdempotencyInProgressError, IdempotencyKeyReusedError, translateSdkError } from "../errors.ts";
import { idemPartSk, idemSk, planPk } from "../keys.ts";
import type { IdempotencyClaim } from "../store.ts";
import type { DynamoContext } from "./context.ts";
import { readParts, splitBytes, writeParts } from "./parts.ts";

/** Records live a day (DynamoDB TTL), far longer than any client retries. */
const TTL_SECONDS = 24 * 3600;

interface IdemItem {
  status: "pending" | "done";
  requestHash: string;
  lockUntil: number;
  /** Random per claim: a claim whose response was lost (dropped connection, SDK retry) is recognised as ours. */
  claimId?: string;
  parts?: number;
  body?: Uint8Array;
}

export async function claim(
  ctx: DynamoContext,
  plan: string,
  key: string,
  requestHash: string,
  claimId: string = crypto.randomUUID(),
): Promise<IdempotencyClaim> {
  const now = ctx.now();
  try {
    await ctx.doc.send(
      new PutCommand({
        TableName: ctx.table,
        Item: {
          pk: planPk(plan),
          sk: idemSk(key),
          status: "pending",
          requestHash,
          claimId,
          lockUntil: now + ctx.idempotencyLockMs,
          expiresAt: Math.floor(now / 1000) + TTL_SECONDS,
        },
        // Free when absent, or past its expiry: TTL deletion lags by hours or days, and a record
        // kept alive that way would replay an old result for a key its client has since reused
        // (the nightly job's key repeats when a file is unchanged). Its old parts are simply
        // overwritten or left to TTL: the new record never points at them.
        ConditionExpression:
          "attribute_not_exists(pk) OR expiresAt < :nowSeconds OR " +
          "(#s = :pending AND lockUntil < :now AND requestHash = :rh)",
        ExpressionAttributeNames: { "#s": "status" },
        ExpressionAttributeValues: {
          ":pending": "pending",
          ":now": now,
          ":nowSeconds": Math.floor(now / 1000),
          ":rh": requestHash,
        },
        ReturnValuesOnConditionCheckFailure: "ALL_OLD",
      }),
    );
    return { state: "claimed", claimId, leaseMs: ctx.idempotencyLockMs };
  } catch (error) {
    const e = error as { name?: string; Item?: Record<string, AttributeValue> };
    if (e.name !== "ConditionalCheckFailedException") throw translateSdkError(error);
    const item = e.Item ? (unmarshall(e.Item) as IdemItem) : undefined;
    if (!item) return claim(ctx, plan, key, requestHash, claimId); // released meanwhile
    if (item.requestHash !== requestHash) throw new IdempotencyKeyReusedError();
    if (item.status === "pending" && item.claimId === claimId)
      return { state: "claimed", claimId, leaseMs: ctx.idempotencyLockMs };
    if (item.status !== "done") throw new IdempotencyInProgressError();
    return { state: "done", response: await loadResponse(ctx, plan, key, item) };
  }
}

/**
 * Extends the lease of our claim; false when it is no longer ours (completed, released, or taken
 * over by a retry after our lease ran out).
 */
export async function renew(ctx: DynamoContext, plan: string, key: string, claimId: string): Promise<boolean> {
  try {
    await ctx.doc.send(
      new UpdateCommand({
        TableName: ctx.table,
        Key: { pk: planPk(plan), sk: idemSk(key) },
        UpdateExpression: "SET lockUntil = :until",
        ConditionExpression: "#s = :pending AND claimId = :cid",
        ExpressionAttributeNames: { "#s": "status" },
        ExpressionAttributeValues: {
          ":until": ctx.now() + ctx.idempotencyLockMs,
          ":pending": "pending",
          ":cid": claimId,
        },
      }),
    );
    return true;
  } catch (error) {
    if ((error as { name?: string }).name === "ConditionalCheckFailedException") return false;
    throw translateSdkError(error);
  }
}

/**
 * Stores the response and marks the key done. A claim taken over meanwhile is left to its new
 * owner (which completes it with the same rows' outcomes: the writes carry the key as writeId).
 */
export async function complete(
  ctx: DynamoContext,
  plan: string,
  key: string,
  response: PushResponse,
  claimId: string,
): Promise<void> {
  const body = gzipSync(JSON.stringify(response));
  const parts = splitBytes(body);
  const pk = planPk(plan);
  const expiresAt = Math.floor(ctx.now() / 1000) + TTL_SECONDS;
  try {
    if (parts.length > 1) {
      // Parts first, then the record that points at them: a reader never sees a record without its parts.
      await writeParts(ctx, pk, (i) => idemPartSk(key, i), parts, "body", { expiresAt });
    }
    await ctx.doc.send(
      new UpdateCommand({
        TableName: ctx.table,
        Key: { pk, sk: idemSk(key) },
        UpdateExpression: parts.length > 1 ? "SET #s = :done, parts = :n" : "SET #s = :done, body = :b",
        ConditionExpression: "claimId = :cid",
        ExpressionAttributeNames: { "#s": "status" },
        ExpressionAttributeValues: {
          ":cid": claimId,
          ...(parts.length > 1 ? { ":done": "done", ":n": parts.length } : { ":done": "done", ":b": body }),
        },
      }),
    );
  } catch (error) {
    if ((error as { name?: string }).name === "ConditionalCheckFailedException") return;
    throw translateSdkError(error);
  }
}

/**
 * Frees a claim after a failed push so the client's retry can run at once. Retried a few times:
 * a claim left behind blocks retries (409, retryable) until its lock expires.
 */
export async function release(ctx: DynamoContext, plan: string, key: string, claimId: string): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    try {
      await ctx.doc.send(
        new DeleteCommand({
          TableName: ctx.table,
          Key: { pk: planPk(plan), sk: idemSk(key) },
          ConditionExpression: "#s = :pending AND claimId = :cid",
          ExpressionAttributeNames: { "#s": "status" },
          ExpressionAttributeValues: { ":pending": "pending", ":cid": claimId },
        }),
      );
      return;
    } catch (error) {
      if ((error as { name?: string }).name === "ConditionalCheckFailedException") return;
      const translated = translateSdkError(error);
      if (!translated.retryable || attempt >= 4) throw translated;
      await new Promise((r) => setTimeout(r, 50 * 2 ** attempt));
    }
  }
}

async function loadResponse(
  ctx: DynamoContext,
  plan: string,
  key: string,
  item: IdemItem,
): Promise<PushResponse> {
  const body = item.parts
    ? await readParts(ctx, planPk(plan), (i) => idemPartSk(key, i), item.parts, "body")
    : (item.body ?? new Uint8Array());
  return PushResponseSchema.parse(JSON.parse(gunzipSync(body).toString("utf8")));
}
