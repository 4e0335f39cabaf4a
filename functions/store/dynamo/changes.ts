/**
 * The pull stream: changes after a sequence number, never missing one under concurrent writers.
 *
 * Writers take sequence numbers from an atomic counter and write CHG#<seq> in the same
 * transaction as the row, so numbers can become visible out of order (7 before 6). The puller
 * walks the log in order and stops at the first missing number: everything up to the cursor is
 * final. A missing number is either a write in flight (wait for it: the next pull resumes there)
 * or abandoned (its writer died). A number older than the gap timeout — known because a later
 * number's `allocatedAt` is older — is fenced with a conditional void marker: if the writer is
 * still alive its CHG put (condition `attribute_not_exists`) then fails and it takes a new number,
 * so a fenced number can never later carry a change behind a cursor. Correctness needs no clock;
 * the timeout only decides when waiting stops.
 */
import { PutCommand, QueryCommand } from "@aws-sdk/lib-dynamodb";
import type { Change } from "#core/sync/protocol.ts";
import { CHG_END, chgSk, planPk } from "../keys.ts";
import { translateSdkError } from "../errors.ts";
import type { ChangesPage } from "../store.ts";
import type { DynamoContext } from "./context.ts";
import { toChange, type ChangeItem } from "./items.ts";

/** Keep a page's JSON well under API Gateway's 6 MB Lambda response limit. */
const MAX_PAGE_BYTES = 4 * 1024 * 1024;

export async function readChanges(
  ctx: DynamoContext,
  plan: string,
  afterSeq: number,
  limit: number,
): Promise<ChangesPage> {
  const changes: Change[] = [];
  let expected = afterSeq + 1;
  let bytes = 0;
  const pk = planPk(plan);
  for (;;) {
    let out;
    try {
      out = await ctx.doc.send(
        new QueryCommand({
          TableName: ctx.table,
          KeyConditionExpression: "pk = :pk AND sk BETWEEN :from AND :to",
          ExpressionAttributeValues: { ":pk": pk, ":from": chgSk(expected), ":to": CHG_END },
          ConsistentRead: true,
          Limit: Math.min(1000, limit - changes.length + 50),
        }),
      );
    } catch (error) {
      throw translateSdkError(error);
    }
    const items = (out.Items ?? []) as ChangeItem[];
    let restart = false;
    for (const item of items) {
      if (item.seq > expected) {
        // A gap: in flight (stop here) or abandoned (fence it and carry on).
        if (ctx.now() - item.allocatedAt <= ctx.gapTimeoutMs)
          return { changes, seq: expected - 1, hasMore: false };
        if (!(await fence(ctx, pk, expected, item.seq - 1, item.allocatedAt))) {
          restart = true; // a writer committed into the gap meanwhile: read it
          break;
        }
        expected = item.seq;
      }
      if (item.seq < expected) continue;
      if (!item.void) {
        const change = toChange(item);
        changes.push(change);
        bytes += approxBytes(change);
      }
      expected = item.seq + 1;
      if (changes.length >= limit || bytes >= MAX_PAGE_BYTES) {
        return { changes, seq: expected - 1, hasMore: true };
      }
    }
    // Each query starts at the next expected number, so no ExclusiveStartKey is needed (a restart re-reads the gap).
    if (!restart && !out.LastEvaluatedKey) return { changes, seq: expected - 1, hasMore: false };
  }
}

/** Writes void markers on [from, to]; false when one of them was taken by a writer meanwhile. */
async function fence(
  ctx: DynamoContext,
  pk: string,
  from: number,
  to: number,
  allocatedAt: number,
): Promise<boolean> {
  for (let seq = from; seq <= to; seq++) {
    try {
      await ctx.doc.send(
        new PutCommand({
          TableName: ctx.table,
          Item: { pk, sk: chgSk(seq), seq, allocatedAt, void: true, fenced: true },
          ConditionExpression: "attribute_not_exists(sk)",
        }),
      );
    } catch (error) {
      if ((error as { name?: string }).name === "ConditionalCheckFailedException") return false;
      throw translateSdkError(error);
    }
  }
  return true;
}

function approxBytes(change: Change): number {
  return JSON.stringify(change.values).length + change.key.length + 120;
}
