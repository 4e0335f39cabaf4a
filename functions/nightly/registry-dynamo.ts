/**
 * Workbook registrations in the sync table, in their own partition (`NIGHTLY#WORKBOOKS`, sort key
 * `WB#<plan>#<id>`): one Query lists every plan's workbooks for the nightly run, without a scan
 * and without touching the plans' partitions.
 */
import { DeleteCommand, QueryCommand, UpdateCommand } from "@aws-sdk/lib-dynamodb";
import type { DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";
import type { NightlyMemory, OpenItems, WorkbookRegistration, WorkbookRegistry } from "./registry.ts";

const PK = "NIGHTLY#WORKBOOKS";
const skOf = (plan: string, id: string): string => `WB#${plan}#${id}`;
/** Memory above this is dropped (the item must stay under DynamoDB's 400 KB); see NightlyMemory. */
const MAX_MEMORY_BYTES = 300 * 1024;

interface Item {
  registration: string;
  lastETag?: string;
  memory?: string;
  open?: string;
}

function fromItem(item: Record<string, unknown>): WorkbookRegistration {
  const { registration, lastETag, memory, open } = item as unknown as Item;
  const base = JSON.parse(registration) as WorkbookRegistration;
  return {
    ...base,
    ...(lastETag ? { lastETag } : {}),
    ...(memory ? { memory: JSON.parse(memory) as NightlyMemory } : {}),
    ...(open ? { open: JSON.parse(open) as OpenItems } : {}),
  };
}

/** DynamoDB-backed registry. */
export class DynamoWorkbookRegistry implements WorkbookRegistry {
  constructor(
    private readonly doc: DynamoDBDocumentClient,
    private readonly table: string,
  ) {}

  async put(registration: WorkbookRegistration): Promise<WorkbookRegistration> {
    const { lastETag: _e, memory: _m, open: _o, ...plain } = registration;
    // Only the registration attribute is replaced: the remembered eTag and memory stay.
    await this.doc.send(
      new UpdateCommand({
        TableName: this.table,
        Key: { pk: PK, sk: skOf(registration.plan, registration.id) },
        UpdateExpression: "SET #r = :r, #p = :p",
        ExpressionAttributeNames: { "#r": "registration", "#p": "plan" },
        ExpressionAttributeValues: { ":r": JSON.stringify(plain), ":p": registration.plan },
      }),
    );
    return plain;
  }

  async remove(plan: string, id: string): Promise<boolean> {
    const out = await this.doc.send(
      new DeleteCommand({ TableName: this.table, Key: { pk: PK, sk: skOf(plan, id) }, ReturnValues: "ALL_OLD" }),
    );
    return out.Attributes !== undefined;
  }

  async list(plan?: string): Promise<WorkbookRegistration[]> {
    const out: WorkbookRegistration[] = [];
    let start: Record<string, unknown> | undefined;
    do {
      const page = await this.doc.send(
        new QueryCommand({
          TableName: this.table,
          KeyConditionExpression: "pk = :pk AND begins_with(sk, :prefix)",
          ExpressionAttributeValues: { ":pk": PK, ":prefix": plan === undefined ? "WB#" : `WB#${plan}#` },
          ConsistentRead: true,
          ...(start ? { ExclusiveStartKey: start } : {}),
        }),
      );
      for (const item of page.Items ?? []) out.push(fromItem(item));
      start = page.LastEvaluatedKey;
    } while (start);
    return out;
  }

  async remember(plan: string, id: string, eTag: string, memory: NightlyMemory, open?: OpenItems): Promise<void> {
    const text = JSON.stringify(memory);
    const keep = Buffer.byteLength(text) <= MAX_MEMORY_BYTES;
    // The open items are capped like the run report's lines (≤ 100 short lines, a few KB).
    const openText = open === undefined ? undefined : JSON.stringify(open);
    const set = ["#e = :e", ...(keep ? ["#m = :m"] : []), ...(openText ? ["#o = :o"] : [])];
    const remove = [...(keep ? [] : ["#m"]), ...(openText ? [] : ["#o"])];
    try {
      await this.doc.send(
        new UpdateCommand({
          TableName: this.table,
          Key: { pk: PK, sk: skOf(plan, id) },
          // The registration must still exist: an admin may have removed it during the run.
          ConditionExpression: "attribute_exists(pk)",
          UpdateExpression: `SET ${set.join(", ")}${remove.length > 0 ? ` REMOVE ${remove.join(", ")}` : ""}`,
          ExpressionAttributeNames: { "#e": "lastETag", "#m": "memory", "#o": "open" },
          ExpressionAttributeValues: { ":e": eTag, ...(keep ? { ":m": text } : {}), ...(openText ? { ":o": openText } : {}) },
        }),
      );
    } catch (error) {
      if ((error as { name?: string }).name !== "ConditionalCheckFailedException") throw error;
    }
  }
}
