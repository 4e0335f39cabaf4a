/** The DynamoDB implementation of `SyncStore` (single table, see table-definition.ts). */
import {
  BatchGetCommand,
  GetCommand,
  PutCommand,
  QueryCommand,
  TransactWriteCommand,
  type QueryCommandInput,
} from "@aws-sdk/lib-dynamodb";
import type { EntityKind } from "#core/model.ts";
import { RunReportSchema, type Member, type PushResponse, type RunReport } from "#core/sync/protocol.ts";
import { translateSdkError } from "../errors.ts";
import { historyHk, META_SK, memberSk, planPk, ROW_PREFIX, RUN_PREFIX, rowSk, runSk } from "../keys.ts";
import {
  rowId,
  type Actor,
  type ChangesPage,
  type CachedReport,
  type Checkpoint,
  type LogEntry,
  type IdempotencyClaim,
  type LiveRow,
  type MemberChange,
  type Role,
  type RowWrite,
  type StoredRow,
  type StoredVersion,
  type SyncStore,
  type WriteOutcome,
} from "../store.ts";
import { HISTORY_INDEX } from "../table-definition.ts";
import { readChanges } from "./changes.ts";
import { logCounter, readLog } from "./read-log.ts";
import { readCachedReport, writeCachedReport } from "./report-cache.ts";
import { readCheckpoint, writeCheckpoint } from "./checkpoints.ts";
import { chunk, type DynamoContext } from "./context.ts";
import { claim, complete, release, renew } from "./idempotency.ts";
import { keyLimit } from "#core/sync/row-limits.ts";
import { changeMember, listMembers } from "./members.ts";
import { toStoredRow, toVersion, type ChangeItem, type RowItem } from "./items.ts";
import { writeRows } from "./write-rows.ts";
import { decodeFieldNames } from "./field-names.ts";

const ROLES = new Set<string>(["reader", "editor", "admin"]);

export class DynamoSyncStore implements SyncStore {
  constructor(private readonly ctx: DynamoContext) {}

  async createPlan(plan: string, name: string, admin: string): Promise<boolean> {
    try {
      await this.ctx.doc.send(
        new TransactWriteCommand({
          TransactItems: [
            {
              Put: {
                TableName: this.ctx.table,
                Item: {
                  pk: planPk(plan),
                  sk: META_SK,
                  name,
                  seq: 0,
                  createdAt: new Date(this.ctx.now()).toISOString(),
                },
                ConditionExpression: "attribute_not_exists(pk)",
              },
            },
            {
              Put: {
                TableName: this.ctx.table,
                Item: { pk: planPk(plan), sk: memberSk(admin), role: "admin" },
              },
            },
          ],
        }),
      );
      return true;
    } catch (error) {
      const reasons = (error as { CancellationReasons?: { Code?: string }[] }).CancellationReasons;
      if (reasons?.[0]?.Code === "ConditionalCheckFailed") return false;
      throw translateSdkError(error);
    }
  }

  async planExists(plan: string): Promise<boolean> {
    const out = await this.call(() =>
      this.ctx.doc.send(
        new GetCommand({
          TableName: this.ctx.table,
          Key: { pk: planPk(plan), sk: META_SK },
          ProjectionExpression: "pk",
        }),
      ),
    );
    return out.Item !== undefined;
  }

  async putMember(plan: string, oid: string, role: Role): Promise<void> {
    await this.call(() =>
      this.ctx.doc.send(
        new PutCommand({ TableName: this.ctx.table, Item: { pk: planPk(plan), sk: memberSk(oid), role } }),
      ),
    );
  }

  async getMember(plan: string, oid: string): Promise<Role | undefined> {
    const out = await this.call(() =>
      this.ctx.doc.send(
        new GetCommand({
          TableName: this.ctx.table,
          Key: { pk: planPk(plan), sk: memberSk(oid) },
          ConsistentRead: true,
        }),
      ),
    );
    const role = out.Item?.["role"];
    return typeof role === "string" && ROLES.has(role) ? (role as Role) : undefined;
  }

  listMembers(plan: string): Promise<Member[]> {
    return listMembers(this.ctx, plan);
  }

  changeMember(plan: string, oid: string, role: Role | undefined, by: string): Promise<MemberChange> {
    return changeMember(this.ctx, plan, oid, role, by);
  }

  async getRows(
    plan: string,
    refs: readonly { entity: EntityKind; key: string }[],
  ): Promise<Map<string, StoredRow>> {
    const found = new Map<string, StoredRow>();
    // A key past the store's limits names no row (no write takes it), and DynamoDB refuses to
    // even look it up: a budget row may name a project of 2 000 bytes.
    const storable = refs.filter((r) => keyLimit(r.key) === undefined);
    const unique = [...new Map(storable.map((r) => [rowId(r.entity, r.key), r])).values()];
    for (const group of chunk(unique, 100)) {
      let keys: Record<string, unknown>[] = group.map((r) => ({
        pk: planPk(plan),
        sk: rowSk(r.entity, r.key),
      }));
      while (keys.length > 0) {
        const out = await this.call(() =>
          this.ctx.doc.send(
            new BatchGetCommand({ RequestItems: { [this.ctx.table]: { Keys: keys, ConsistentRead: true } } }),
          ),
        );
        for (const item of (out.Responses?.[this.ctx.table] ?? []) as RowItem[])
          found.set(rowId(item.entity, item.key), toStoredRow(item));
        keys = (out.UnprocessedKeys?.[this.ctx.table]?.Keys ?? []) as Record<string, unknown>[];
      }
    }
    return found;
  }

  async hasAnyRow(plan: string, entity: EntityKind): Promise<boolean> {
    const items = await this.query(
      {
        KeyConditionExpression: "pk = :pk AND begins_with(sk, :p)",
        FilterExpression: "deleted = :f",
        ExpressionAttributeValues: { ":pk": planPk(plan), ":p": `${ROW_PREFIX}${entity}#`, ":f": false },
        ProjectionExpression: "pk",
      },
      1,
    );
    return items.length > 0;
  }

  async listRows(plan: string, entity?: EntityKind): Promise<StoredRow[]> {
    const items = await this.query({
      KeyConditionExpression: "pk = :pk AND begins_with(sk, :p)",
      ExpressionAttributeValues: {
        ":pk": planPk(plan),
        ":p": entity ? `${ROW_PREFIX}${entity}#` : ROW_PREFIX,
      },
      ConsistentRead: true,
    });
    return (items as unknown as RowItem[]).map(toStoredRow);
  }

  async liveValues(plan: string): Promise<LiveRow[]> {
    const items = await this.query({
      KeyConditionExpression: "pk = :pk AND begins_with(sk, :p)",
      FilterExpression: "deleted = :f",
      ProjectionExpression: "entity, #k, #vals, updatedAt",
      ExpressionAttributeNames: { "#k": "key", "#vals": "values" },
      ExpressionAttributeValues: { ":pk": planPk(plan), ":p": ROW_PREFIX, ":f": false },
      ConsistentRead: true,
    });
    return (items as unknown as Pick<RowItem, "entity" | "key" | "values" | "updatedAt">[]).map((item) => ({
      entity: item.entity,
      key: item.key,
      values: decodeFieldNames(item.values ?? {}),
      updatedAt: item.updatedAt,
    }));
  }

  async writeRows(
    plan: string,
    writes: readonly RowWrite[],
    actor: Actor,
    writeId: string,
  ): Promise<WriteOutcome[]> {
    return writeRows(this.ctx, plan, writes, actor, writeId);
  }

  async changes(plan: string, afterSeq: number, limit: number): Promise<ChangesPage> {
    return readChanges(this.ctx, plan, afterSeq, limit);
  }

  async history(
    plan: string,
    entity: EntityKind,
    key: string,
    options: { newest?: number; before?: number } = {},
  ): Promise<StoredVersion[]> {
    const newest = options.newest;
    const query =
      options.before === undefined
        ? {
            IndexName: HISTORY_INDEX,
            KeyConditionExpression: "hk = :hk",
            ExpressionAttributeValues: { ":hk": historyHk(plan, entity, key) },
          }
        : {
            IndexName: HISTORY_INDEX,
            KeyConditionExpression: "hk = :hk AND hv < :before",
            ExpressionAttributeValues: { ":hk": historyHk(plan, entity, key), ":before": options.before },
          };
    if (newest === undefined) return ((await this.query(query)) as unknown as ChangeItem[]).map(toVersion);
    // Newest first (the index sorts by version), as many as asked, then back to oldest first.
    const items = await this.query(
      { ...query, ScanIndexForward: false, Limit: Math.min(newest, 1000) },
      newest,
    );
    return (items as unknown as ChangeItem[]).map(toVersion).reverse();
  }

  readLog(plan: string, afterSeq: number, untilMs: number): Promise<LogEntry[]> {
    return readLog(this.ctx, plan, afterSeq, untilMs);
  }

  checkpoint(plan: string, atMs: number): Promise<Checkpoint | undefined> {
    return readCheckpoint(this.ctx, plan, atMs);
  }

  putCheckpoint(plan: string, checkpoint: Checkpoint): Promise<void> {
    return writeCheckpoint(this.ctx, plan, checkpoint);
  }

  logHead(plan: string): Promise<number> {
    return logCounter(this.ctx, planPk(plan));
  }

  cachedReport(plan: string, key: string): Promise<CachedReport | undefined> {
    return readCachedReport(this.ctx, plan, key);
  }

  putCachedReport(plan: string, key: string, cached: CachedReport): Promise<void> {
    return writeCachedReport(this.ctx, plan, key, cached);
  }

  claimIdempotency(plan: string, key: string, requestHash: string): Promise<IdempotencyClaim> {
    return claim(this.ctx, plan, key, requestHash);
  }

  renewIdempotency(plan: string, key: string, claimId: string): Promise<boolean> {
    return renew(this.ctx, plan, key, claimId);
  }

  completeIdempotency(plan: string, key: string, response: PushResponse, claimId: string): Promise<void> {
    return complete(this.ctx, plan, key, response, claimId);
  }

  releaseIdempotency(plan: string, key: string, claimId: string): Promise<void> {
    return release(this.ctx, plan, key, claimId);
  }

  async putRun(plan: string, report: RunReport): Promise<void> {
    await this.call(() =>
      this.ctx.doc.send(
        new PutCommand({
          TableName: this.ctx.table,
          Item: { pk: planPk(plan), sk: runSk(report.startedAt, report.runId), report },
        }),
      ),
    );
  }

  async listRuns(plan: string, limit: number): Promise<RunReport[]> {
    const items = await this.query(
      {
        KeyConditionExpression: "pk = :pk AND begins_with(sk, :p)",
        ExpressionAttributeValues: { ":pk": planPk(plan), ":p": RUN_PREFIX },
        ScanIndexForward: false,
      },
      limit,
    );
    return items.map((item) => RunReportSchema.parse(item["report"]));
  }

  /** Every page of a query (up to `max` items). */
  private async query(
    input: Omit<QueryCommandInput, "TableName">,
    max = Number.POSITIVE_INFINITY,
  ): Promise<Record<string, unknown>[]> {
    const out: Record<string, unknown>[] = [];
    let startKey: Record<string, unknown> | undefined;
    do {
      const page = await this.call(() =>
        this.ctx.doc.send(
          new QueryCommand({ ...input, TableName: this.ctx.table, ExclusiveStartKey: startKey }),
        ),
      );
      out.push(...(page.Items ?? []));
      startKey = page.LastEvaluatedKey;
    } while (startKey && out.length < max);
    return out.slice(0, max);
  }

  private async call<T>(fn: () => Promise<T>): Promise<T> {
    try {
      return await fn();
    } catch (error) {
      throw translateSdkError(error);
    }
  }
}
