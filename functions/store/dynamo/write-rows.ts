/**
 * Row writes with optimistic concurrency and an atomic change-log/history item.
 *
 * Each row is one Update of its ROW# item (condition: the version it was based on, and a
 * different hash) plus one Put of its CHG#<seq> item (condition: the sequence number is still
 * free), in one transaction: a change is visible to pullers exactly when the row changed, and
 * every applied version keeps its values in the history. Rows go up to 50 to a TransactWriteItems
 * (100 items, the API's maximum) and 3.5 MB (transaction-batches.ts) while nothing conflicts; a cancelled batch falls back to one
 * transaction per row, read from the CancellationReasons:
 * - row condition failed → the returned current item says unchanged (same hash), conflict, or
 *   "applied by us" (its writeId is this push's: an earlier attempt committed, e.g. before a
 *   dropped connection);
 * - sequence number condition failed → a puller fenced it as abandoned: take a new number;
 * - otherwise the row was only a bystander of another row's failure: retry it.
 * Each transaction takes its sequence numbers just before it is sent (one atomic ADD), not the
 * whole push up front: a number then stays unwritten only while its own transaction is in
 * flight, so pullers can fence gaps after a few seconds (a dead writer leaves at most the
 * numbers of the transactions it had in flight) without fencing a live writer's later batches.
 * Sequence numbers that end unused get a void marker so pullers need not wait for them, also when
 * the push fails: a batch DynamoDB refuses outright stops the push (no batch starts after it, and
 * the error is thrown once the batches in flight settled), and the numbers that certainly carry
 * nothing are voided.
 */
import { TransactionCanceledException } from "@aws-sdk/client-dynamodb";
import { BatchWriteCommand, TransactWriteCommand, UpdateCommand } from "@aws-sdk/lib-dynamodb";
import type { AttributeValue } from "@aws-sdk/client-dynamodb";
import { unmarshall } from "@aws-sdk/util-dynamodb";
import { adoptedVersion } from "#core/sync/adoption.ts";
import { chgSk, historyHk, META_SK, planPk, rowSk } from "../keys.ts";
import { PlanNotFoundError, StoreUnavailableError, translateSdkError } from "../errors.ts";
import type { Actor, RowWrite, WriteOutcome } from "../store.ts";
import { chunk, mapLimit, type DynamoContext } from "./context.ts";
import { packBatches, ROWS_PER_TRANSACTION, rowTransactionBytes } from "./transaction-batches.ts";
import { toCurrent, type RowItem } from "./items.ts";
import { encodeFieldNames } from "./field-names.ts";

/** Rounds of per-row retries before the push gives up with a retryable error. */
const MAX_ROUNDS = 8;

interface Pending {
  index: number;
  write: RowWrite;
  /** 0 until the row's transaction takes a number (and again after a puller fenced it). */
  seq: number;
  allocatedAt: number;
  /** Estimated bytes of the row's two items (transaction-batches.ts). */
  bytes: number;
  /** An attempt's outcome was never known (a retryable error): its CHG item may exist, never void it. */
  uncertain: boolean;
}

/** What one attempt at a row found. */
type Attempt =
  { kind: "done"; outcome: WriteOutcome; seqUnused: boolean } | { kind: "retry" } | { kind: "reseq" };

/** Allocates `n` consecutive sequence numbers with one atomic ADD; returns the first. */
export async function allocateSeqs(
  ctx: DynamoContext,
  plan: string,
  n: number,
): Promise<{ first: number; allocatedAt: number }> {
  try {
    const out = await ctx.doc.send(
      new UpdateCommand({
        TableName: ctx.table,
        Key: { pk: planPk(plan), sk: META_SK },
        UpdateExpression: "ADD #seq :n",
        ConditionExpression: "attribute_exists(pk)",
        ExpressionAttributeNames: { "#seq": "seq" },
        ExpressionAttributeValues: { ":n": n },
        ReturnValues: "UPDATED_NEW",
      }),
    );
    const last = Number(out.Attributes?.["seq"]);
    // Taken after the ADD returned: a later number's allocatedAt never predates an earlier number's allocation.
    return { first: last - n + 1, allocatedAt: ctx.now() };
  } catch (error) {
    if ((error as { name?: string }).name === "ConditionalCheckFailedException")
      throw new PlanNotFoundError(plan);
    throw translateSdkError(error);
  }
}

/** See the file comment. Outcomes are in the order of `writes`. */
export async function writeRows(
  ctx: DynamoContext,
  plan: string,
  writes: readonly RowWrite[],
  actor: Actor,
  writeId: string,
): Promise<WriteOutcome[]> {
  const outcomes = new Array<WriteOutcome | undefined>(writes.length);
  if (writes.length === 0) return [];
  let pending: Pending[] = writes.map((write, index) => ({
    index,
    write,
    seq: 0,
    allocatedAt: 0,
    bytes: rowTransactionBytes(write.values, write.deleted),
    uncertain: false,
  }));
  const unused: Pending[] = [];
  let maxRows = ROWS_PER_TRANSACTION;
  let lastError: unknown;
  for (let round = 0; pending.length > 0 && round < MAX_ROUNDS; round++) {
    const retry: Pending[] = [];
    const reseq: Pending[] = [];
    const rejected: Pending[] = [];
    const batches = packBatches(pending, maxRows);
    const started = new Set<number>();
    try {
      await mapLimit(batches, ctx.parallelism, async (batch, b) => {
        started.add(b);
        let attempts: Attempt[];
        try {
          await numberRows(ctx, plan, batch);
          attempts = await attemptBatch(ctx, plan, batch, actor, writeId);
        } catch (error) {
          // A request DynamoDB refused outright (a bug, not a fault) will not succeed on retry,
          // and nothing of it executed. mapLimit starts no further batch.
          const translated = translateSdkError(error);
          if (!translated.retryable) {
            rejected.push(...batch);
            throw translated;
          }
          // Outcome unknown (the SDK's retries ran out): retry; writeId recognises a commit we missed.
          lastError = error;
          attempts = batch.map(() => ({ kind: "retry" }));
          // A row without a number (its allocation failed) certainly wrote nothing.
          for (const p of batch) p.uncertain = p.seq > 0;
        }
        attempts.forEach((attempt, i) => {
          const p = batch[i] as Pending;
          if (attempt.kind === "done") {
            outcomes[p.index] = attempt.outcome;
            if (attempt.seqUnused) unused.push(p);
          } else (attempt.kind === "retry" ? retry : reseq).push(p);
        });
      });
    } catch (error) {
      // The push fails: void every number that certainly carries nothing — rows of the rejected
      // batch, of batches never started, and rows cancelled this round — so pullers need not wait
      // for them. (A re-sequenced row's old number is void already: a puller fenced it.)
      const neverStarted = batches.filter((_, b) => !started.has(b)).flat();
      await voidSeqs(ctx, plan, [...unused, ...[...rejected, ...neverStarted, ...retry].filter(isCertain)]);
      throw error;
    }
    // A fenced number is void already: the row takes a new one with its next transaction.
    for (const p of reseq) retry.push({ ...p, seq: 0, allocatedAt: 0, uncertain: false });
    pending = retry;
    maxRows = 1;
    if (lastError !== undefined && pending.length > 0) await sleep(25 * 2 ** round);
  }
  // Rows still pending after the last round: an uncertain one's attempt may have committed (pullers
  // fence its number after the gap timeout); the others certainly did not.
  await voidSeqs(ctx, plan, [...unused, ...pending.filter(isCertain)]);
  if (pending.length > 0) {
    throw lastError === undefined ? new StoreUnavailableError() : translateSdkError(lastError);
  }
  return outcomes as WriteOutcome[];
}

/** Numbered and certainly unwritten: its number can be voided. */
const isCertain = (p: Pending): boolean => p.seq > 0 && !p.uncertain;

/** Gives the rows of a batch that have none a sequence number, with one allocation. */
async function numberRows(ctx: DynamoContext, plan: string, batch: readonly Pending[]): Promise<void> {
  const fresh = batch.filter((p) => p.seq === 0);
  if (fresh.length === 0) return;
  const block = await allocateSeqs(ctx, plan, fresh.length);
  fresh.forEach((p, i) => {
    p.seq = block.first + i;
    p.allocatedAt = block.allocatedAt;
  });
}

async function attemptBatch(
  ctx: DynamoContext,
  plan: string,
  batch: readonly Pending[],
  actor: Actor,
  writeId: string,
): Promise<Attempt[]> {
  const at = new Date(ctx.now()).toISOString();
  try {
    await ctx.doc.send(
      new TransactWriteCommand({
        TransactItems: batch.flatMap((p) => transactItems(ctx, plan, p, actor, writeId, at)),
      }),
    );
    return batch.map((p) => ({
      kind: "done",
      outcome: { status: "applied", version: p.write.baseVersion + 1 },
      seqUnused: false,
    }));
  } catch (error) {
    // The cloud copies a cancelled batch returns (ALL_OLD, up to 96 KB of values each) may pass
    // DynamoDB's response limit; nothing executed: the next round retries these rows one by one.
    if (batch.length > 1 && isResponseTooLarge(error)) return batch.map(() => ({ kind: "retry" }));
    if (
      !(error instanceof TransactionCanceledException) &&
      (error as { name?: string }).name !== "TransactionCanceledException"
    )
      throw error;
    const reasons = (error as TransactionCanceledException).CancellationReasons ?? [];
    // AWS reports an item it cannot store (too large, too deep, a bad number) as a cancellation
    // reason, not a ValidationException: retrying that row can never succeed.
    const invalid = reasons.find((r) => r.Code === "ValidationError");
    if (invalid) throw refusedItem(invalid.Message);
    return batch.map((p, i) => classify(p, reasons[2 * i], reasons[2 * i + 1], writeId));
  }
}

function isResponseTooLarge(error: unknown): boolean {
  const e = error as { name?: string; message?: string };
  return e.name === "ValidationException" && /response is too large/i.test(e.message ?? "");
}

/** A ValidationException as the SDK would throw it, for translateSdkError. */
function refusedItem(message: string | undefined): Error {
  return Object.assign(new Error(message ?? "Item refused by DynamoDB"), {
    name: "ValidationException",
    $metadata: { httpStatusCode: 400 },
  });
}

interface Reason {
  Code?: string | undefined;
  Item?: Record<string, AttributeValue> | undefined;
}

function classify(
  p: Pending,
  rowReason: Reason | undefined,
  seqReason: Reason | undefined,
  writeId: string,
): Attempt {
  const seqTaken = seqReason?.Code === "ConditionalCheckFailed";
  if (rowReason?.Code === "ConditionalCheckFailed") {
    const item = rowReason.Item ? (unmarshall(rowReason.Item) as RowItem) : undefined;
    if (item && item.writeId === writeId && item.hash === p.write.hash) {
      return { kind: "done", outcome: { status: "applied", version: item.version }, seqUnused: !seqTaken };
    }
    // SPEC §9 Adoption, the rule every client applies too: same content, whatever the base.
    const adopted = adoptedVersion(p.write.hash, item);
    if (adopted !== undefined) {
      return { kind: "done", outcome: { status: "unchanged", version: adopted }, seqUnused: !seqTaken };
    }
    return { kind: "done", outcome: { status: "conflict", current: toCurrent(item) }, seqUnused: !seqTaken };
  }
  return seqTaken ? { kind: "reseq" } : { kind: "retry" };
}

function transactItems(
  ctx: DynamoContext,
  plan: string,
  p: Pending,
  actor: Actor,
  writeId: string,
  at: string,
) {
  const { write } = p;
  const version = write.baseVersion + 1;
  const names: Record<string, string> = { "#v": "version", "#h": "hash", "#k": "key", "#src": "source" };
  const values: Record<string, unknown> = {
    ":v": version,
    ":h": write.hash,
    ":d": write.deleted,
    ":at": at,
    ":by": actor.id,
    ":src": actor.source,
    ":w": writeId,
    ":e": write.entity,
    ":k": write.key,
  };
  let set =
    "SET #v = :v, #h = :h, deleted = :d, updatedAt = :at, updatedBy = :by, #src = :src, writeId = :w, entity = :e, #k = :k";
  // A tombstone keeps the row's last values, so the deleted row can still be read and restored.
  if (!write.deleted) {
    set += ", #vals = :vals";
    names["#vals"] = "values";
    values[":vals"] = encodeFieldNames(write.values);
  }
  let condition = "attribute_not_exists(pk)";
  if (write.baseVersion > 0) {
    condition = "#v = :base AND #h <> :h";
    values[":base"] = write.baseVersion;
  }
  const pk = planPk(plan);
  return [
    {
      Update: {
        TableName: ctx.table,
        Key: { pk, sk: rowSk(write.entity, write.key) },
        UpdateExpression: set,
        ConditionExpression: condition,
        ExpressionAttributeNames: names,
        ExpressionAttributeValues: values,
        ReturnValuesOnConditionCheckFailure: "ALL_OLD" as const,
      },
    },
    {
      Put: {
        TableName: ctx.table,
        Item: {
          pk,
          sk: chgSk(p.seq),
          seq: p.seq,
          allocatedAt: p.allocatedAt,
          entity: write.entity,
          key: write.key,
          version,
          ...(write.deleted ? {} : { values: encodeFieldNames(write.values) }),
          deleted: write.deleted,
          at,
          by: actor.id,
          source: actor.source,
          ...(write.restoredFrom === undefined ? {} : { restoredFrom: write.restoredFrom }),
          hk: historyHk(plan, write.entity, write.key),
          hv: version,
        },
        ConditionExpression: "attribute_not_exists(sk)",
      },
    },
  ];
}

/** Void markers for sequence numbers that will never carry a change (conflict, unchanged). */
async function voidSeqs(ctx: DynamoContext, plan: string, unused: readonly Pending[]): Promise<void> {
  const pk = planPk(plan);
  // In parallel: a failed 60 000-row push may leave thousands of numbers to void.
  await mapLimit(chunk(unused, 25), ctx.parallelism, async (part) => {
    let requests = part.map((p) => ({
      PutRequest: { Item: { pk, sk: chgSk(p.seq), seq: p.seq, allocatedAt: p.allocatedAt, void: true } },
    }));
    // Best effort: a marker that cannot be written is a gap pullers fence after the timeout.
    for (let attempt = 0; requests.length > 0 && attempt < 5; attempt++) {
      try {
        const out = await ctx.doc.send(new BatchWriteCommand({ RequestItems: { [ctx.table]: requests } }));
        requests = (out.UnprocessedItems?.[ctx.table] ?? []) as typeof requests;
      } catch {
        await sleep(20 * 2 ** attempt);
      }
      if (requests.length > 0) await sleep(20 * 2 ** attempt);
    }
  });
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));
