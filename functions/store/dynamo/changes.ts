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
import { QueryCommand, TransactWriteCommand } from "@aws-sdk/lib-dynamodb";
import type { Change } from "#core/sync/protocol.ts";
import { envelopeBytes, RESPONSE_BUDGET_BYTES } from "../../payload-bytes.ts";
import { CHG_END, chgSk, planPk } from "../keys.ts";
import { translateSdkError } from "../errors.ts";
import type { ChangesPage } from "../store.ts";
import { chunk, mapLimit, type DynamoContext } from "./context.ts";
import { toChange, type ChangeItem } from "./items.ts";

/** A page's changes fill at most this much of the Lambda response (6 MB limit; functions/payload-bytes.ts). */
const MAX_PAGE_BYTES = RESPONSE_BUDGET_BYTES;
/**
 * Fencing writes its void markers 100 to a transaction (DynamoDB's limit), 8 transactions in
 * flight. A dead 10 000-row push leaves a 10 000-number gap: one Put after another (~5–10 ms
 * each in AWS) would outlast the API's 29 s timeout; this is 13 rounds of round trips.
 */
const FENCE_PER_TRANSACTION = 100;
const FENCE_PARALLELISM = 8;
/** Cancellation reasons that mean "a number was taken meanwhile" (or a race on it): re-read. */
const FENCE_LOST = new Set(["None", "ConditionalCheckFailed", "TransactionConflict"]);
/**
 * Numbers one pull may fence; a larger gap is fenced over several pulls (the page ends at the
 * last number fenced, with `hasMore`), so no single request runs into the timeout.
 */
const FENCE_PER_PULL = 20_000;

export async function readChanges(
  ctx: DynamoContext,
  plan: string,
  afterSeq: number,
  limit: number,
): Promise<ChangesPage> {
  const changes: Change[] = [];
  let expected = afterSeq + 1;
  let bytes = 0;
  let fenceBudget = FENCE_PER_PULL;
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
        if (fenceBudget <= 0) return { changes, seq: expected - 1, hasMore: true };
        const last = Math.min(item.seq - 1, expected + fenceBudget - 1);
        fenceBudget -= last - expected + 1;
        if (!(await fence(ctx, pk, expected, last, item.allocatedAt))) {
          restart = true; // a writer (or another puller) took a number of the gap meanwhile: read it
          break;
        }
        if (last < item.seq - 1) return { changes, seq: last, hasMore: true }; // the rest next pull
        expected = item.seq;
      }
      if (item.seq < expected) continue;
      if (!item.void) {
        const change = toChange(item);
        const size = envelopeBytes(change);
        // Over budget: end the page before this change (the next pull starts with it). A page
        // always carries at least one change, and one change (≤ 400 KB in DynamoDB) fits.
        if (changes.length > 0 && bytes + size > MAX_PAGE_BYTES)
          return { changes, seq: expected - 1, hasMore: true };
        changes.push(change);
        bytes += size;
      }
      expected = item.seq + 1;
      if (changes.length >= limit) return { changes, seq: expected - 1, hasMore: true };
    }
    // Each query starts at the next expected number, so no ExclusiveStartKey is needed (a restart re-reads the gap).
    if (!restart && !out.LastEvaluatedKey) return { changes, seq: expected - 1, hasMore: false };
  }
}

/**
 * Writes void markers on [from, to] in transactions of conditional Puts, several in flight; false
 * when a transaction was cancelled because one of its numbers was taken meanwhile (a late writer
 * committed its change there, or another puller fenced it). A cancelled transaction wrote
 * nothing, and the caller re-reads from the gap's start, so what it finds taken it reads and what
 * is still missing it fences again: the order in which transactions land does not matter.
 */
async function fence(
  ctx: DynamoContext,
  pk: string,
  from: number,
  to: number,
  allocatedAt: number,
): Promise<boolean> {
  const seqs = Array.from({ length: to - from + 1 }, (_, i) => from + i);
  const outcomes = await mapLimit(chunk(seqs, FENCE_PER_TRANSACTION), FENCE_PARALLELISM, async (group) => {
    try {
      await ctx.doc.send(
        new TransactWriteCommand({
          TransactItems: group.map((seq) => ({
            Put: {
              TableName: ctx.table,
              Item: { pk, sk: chgSk(seq), seq, allocatedAt, void: true, fenced: true },
              ConditionExpression: "attribute_not_exists(sk)",
            },
          })),
        }),
      );
      return true;
    } catch (error) {
      const e = error as { name?: string; CancellationReasons?: { Code?: string }[] };
      if (
        e.name === "TransactionCanceledException" &&
        (e.CancellationReasons ?? []).every((r) => FENCE_LOST.has(r.Code ?? "None"))
      )
        return false;
      throw translateSdkError(error);
    }
  });
  return outcomes.every(Boolean);
}
