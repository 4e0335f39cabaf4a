/**
 * The change log read in order, after a sequence number and up to a moment, for "the plan as it
 * stood then" (sync/as-of.ts) and for the tail after a checkpoint (sync/live-rows.ts).
 *
 * Stop rule: a writer takes its sequence number (stamped `allocatedAt`) before it stamps the
 * change's `at` with the same clock, and a later number's `allocatedAt` never predates an earlier
 * number's (write-rows.ts). So once an item's `allocatedAt` is past the moment, no later item
 * can carry a change made by then: the read stops there instead of reading the whole log.
 *
 * The log is read in windows of sequence numbers (`sk BETWEEN` two numbers), several in flight,
 * up to the plan's counter: each query touches only its window. Paging one long query instead
 * (Limit, or the default 1 MB pages) costs DynamoDB Local time in proportion to the rest of the
 * partition on every page (measured: 100 000 items took over 100 s that way with
 * ExclusiveStartKey), and the windows let DynamoDB serve the reads in parallel. DynamoDB Local
 * still spends about as long per log item as per current row (no projection changed that,
 * measured), so a read costs in proportion to the log items it covers: checkpoints keep that short.
 */
import { GetCommand, QueryCommand } from "@aws-sdk/lib-dynamodb";
import { chgSk, META_SK, planPk } from "../keys.ts";
import { translateSdkError } from "../errors.ts";
import type { LogEntry } from "../store.ts";
import { mapLimit, type DynamoContext } from "./context.ts";
import { toVersion, type ChangeItem } from "./items.ts";

/** Sequence numbers per query (≤ 1 000 items of ≤ ~1 KB usually fit one 1 MB page). */
const WINDOW = 1000;
/** The first round's window: most reads after a checkpoint end within it. */
const FIRST_WINDOW = 250;
/** Windows in flight at once. */
const PARALLEL = 4;

/**
 * The log items numbered above `afterSeq` whose number was taken by `untilMs` (all of them when
 * it is Infinity), in order, void markers included (as entries without a version) so that a
 * caller can tell a contiguous run of final numbers from a gap still being written.
 */
export async function readLog(ctx: DynamoContext, plan: string, afterSeq: number, untilMs: number): Promise<LogEntry[]> {
  const pk = planPk(plan);
  const last = await logCounter(ctx, pk);
  const out: LogEntry[] = [];
  for (let first = afterSeq + 1, round = 0; first <= last; round++) {
    // Rounds grow (250 numbers, then 1, 2, 4 windows of 1 000): a read that stops early (as of a
    // moment just after a checkpoint) reads little past its stop, a long one soon reads in parallel.
    const size = round === 0 ? FIRST_WINDOW : WINDOW;
    const count = round === 0 ? 1 : Math.min(PARALLEL, 2 ** (round - 1));
    const starts = Array.from({ length: count }, (_, i) => first + i * size).filter((s) => s <= last);
    first += size * count;
    const windows = await mapLimit(starts, PARALLEL, (s) => readWindow(ctx, pk, s, Math.min(s + size - 1, last)));
    for (const items of windows)
      for (const item of items) {
        if (item.allocatedAt > untilMs) return out;
        out.push(item.void ? { seq: item.seq } : { seq: item.seq, version: toVersion(item) });
      }
  }
  return out;
}

/** The plan's change counter: the highest sequence number ever taken. */
export async function logCounter(ctx: DynamoContext, pk: string): Promise<number> {
  try {
    const meta = await ctx.doc.send(
      new GetCommand({ TableName: ctx.table, Key: { pk, sk: META_SK }, ConsistentRead: true, ProjectionExpression: "seq" }),
    );
    const seq = meta.Item?.["seq"];
    return typeof seq === "number" ? seq : 0;
  } catch (error) {
    throw translateSdkError(error);
  }
}

/** The log items numbered first..last, in order (a window over 1 MB is read in pages). */
async function readWindow(ctx: DynamoContext, pk: string, first: number, last: number): Promise<ChangeItem[]> {
  const items: ChangeItem[] = [];
  let from = first;
  for (;;) {
    let page;
    try {
      page = await ctx.doc.send(
        new QueryCommand({
          TableName: ctx.table,
          KeyConditionExpression: "pk = :pk AND sk BETWEEN :from AND :to",
          ExpressionAttributeValues: { ":pk": pk, ":from": chgSk(from), ":to": chgSk(last) },
          ConsistentRead: true,
        }),
      );
    } catch (error) {
      throw translateSdkError(error);
    }
    const got = (page.Items ?? []) as ChangeItem[];
    items.push(...got);
    const end = got.at(-1);
    if (!page.LastEvaluatedKey || !end) return items;
    from = end.seq + 1;
  }
}
