/**
 * The change log read in order up to a moment, for "the plan as it stood then" (sync/as-of.ts).
 *
 * Stop rule: a writer takes its sequence number (stamped `allocatedAt`) before it stamps the
 * change's `at` with the same clock, and a later number's `allocatedAt` never predates an earlier
 * number's (write-rows.ts). So once an item's `allocatedAt` is past the moment, no later item
 * can carry a change made by then: the read stops there instead of reading the whole log.
 */
import { QueryCommand } from "@aws-sdk/lib-dynamodb";
import { CHG_END, CHG_PREFIX, planPk } from "../keys.ts";
import { translateSdkError } from "../errors.ts";
import type { StoredVersion } from "../store.ts";
import type { DynamoContext } from "./context.ts";
import { toVersion, type ChangeItem } from "./items.ts";

/** Items per query: pages start past the last key read (DynamoDB Local slows down with ExclusiveStartKey on long partitions). */
const PAGE = 1000;

export async function readLogUntil(ctx: DynamoContext, plan: string, untilMs: number): Promise<StoredVersion[]> {
  const out: StoredVersion[] = [];
  let after = CHG_PREFIX;
  for (;;) {
    let page;
    try {
      page = await ctx.doc.send(
        new QueryCommand({
          TableName: ctx.table,
          KeyConditionExpression: "pk = :pk AND sk BETWEEN :from AND :to",
          ExpressionAttributeValues: { ":pk": planPk(plan), ":from": `${after}\u0000`, ":to": CHG_END },
          ConsistentRead: true,
          Limit: PAGE,
        }),
      );
    } catch (error) {
      throw translateSdkError(error);
    }
    const items = (page.Items ?? []) as ChangeItem[];
    for (const item of items) {
      if (item.allocatedAt > untilMs) return out;
      if (!item.void) out.push(toVersion(item));
    }
    const last = items.at(-1);
    if (!last || !page.LastEvaluatedKey) return out;
    after = last.sk;
  }
}
