/**
 * Today's rollups as last computed, per plan, locale and day (`RPT#<locale>#<day>` header,
 * `RPTD#<locale>#<day>#<writer>#<part>` gzip JSON parts), tagged with the log number it covers
 * whole. A reader whose plan counter still equals that number gets it with two reads instead of
 * rebuilding (sync/rollups.ts). Each write's parts carry its own id in the key, so two writers
 * never mix their parts; the header never moves back (condition on seq). Everything expires with
 * the table's TTL two days on (the day is part of the key).
 */
import { randomUUID } from "node:crypto";
import { gunzipSync, gzipSync } from "node:zlib";
import { GetCommand, PutCommand } from "@aws-sdk/lib-dynamodb";
import { planPk } from "../keys.ts";
import { translateSdkError } from "../errors.ts";
import type { CachedReport } from "../store.ts";
import type { DynamoContext } from "./context.ts";
import { MissingPartError, readParts, splitBytes, writeParts } from "./parts.ts";

const TTL_SECONDS = 2 * 86_400;
const headSk = (key: string): string => `RPT#${key}`;
const partSk = (key: string, writer: string) => (part: number): string => `RPTD#${key}#${writer}#${part}`;

export async function readCachedReport(ctx: DynamoContext, plan: string, key: string): Promise<CachedReport | undefined> {
  const pk = planPk(plan);
  try {
    const head = await ctx.doc.send(
      new GetCommand({ TableName: ctx.table, Key: { pk, sk: headSk(key) }, ConsistentRead: true }),
    );
    const item = head.Item as { seq: number; parts: number; writer: string } | undefined;
    if (!item) return undefined;
    const bytes = await readParts(ctx, pk, partSk(key, item.writer), item.parts, "data");
    return { seq: item.seq, report: JSON.parse(gunzipSync(bytes).toString("utf8")) as unknown };
  } catch (error) {
    // TTL removes items one by one: parts gone before their header mean no kept report.
    if (error instanceof MissingPartError) return undefined;
    throw translateSdkError(error);
  }
}

export async function writeCachedReport(ctx: DynamoContext, plan: string, key: string, cached: CachedReport): Promise<void> {
  const pk = planPk(plan);
  const expiresAt = Math.floor(ctx.now() / 1000) + TTL_SECONDS;
  try {
    const bytes = gzipSync(JSON.stringify(cached.report));
    const writer = randomUUID();
    const parts = splitBytes(bytes);
    await writeParts(ctx, pk, partSk(key, writer), parts, "data", { expiresAt });
    await ctx.doc.send(
      new PutCommand({
        TableName: ctx.table,
        Item: { pk, sk: headSk(key), seq: cached.seq, writer, parts: parts.length, bytes: bytes.length, expiresAt },
        // Equal seq is rewritten: it replaces a report whose parts TTL already removed.
        ConditionExpression: "attribute_not_exists(sk) OR seq <= :seq",
        ExpressionAttributeValues: { ":seq": cached.seq },
      }),
    );
  } catch (error) {
    // A report of a newer number is there already.
    if ((error as { name?: string }).name === "ConditionalCheckFailedException") return;
    throw translateSdkError(error);
  }
}
