/**
 * The shape of the one DynamoDB table, as the stateful stack needs it.
 *
 * The single source of truth is the sync service's `functions/store/table-definition.ts`
 * (DynamoDB Local and the cloud table must agree); this file only adapts it to the few
 * facts CDK needs, so a change of key names there changes the cloud table here.
 */
import { TABLE_DEFINITION } from "#functions/store/table-definition.ts";

/** A DynamoDB key attribute: name and scalar type. */
export interface KeyAttribute {
  readonly name: string;
  readonly type: "S" | "N" | "B";
}

/** A global secondary index the table must have. */
export interface GlobalIndex {
  readonly indexName: string;
  readonly partitionKey: KeyAttribute;
  readonly sortKey?: KeyAttribute;
}

/** What the CDK table needs to know: keys, GSIs and the TTL attribute of idempotency records. */
export interface TableSchema {
  readonly partitionKey: KeyAttribute;
  readonly sortKey?: KeyAttribute;
  readonly globalIndexes: readonly GlobalIndex[];
  readonly ttlAttribute: string;
}

/** The table schema shared with the sync service (and so with DynamoDB Local). */
export const tableSchema: TableSchema = {
  partitionKey: TABLE_DEFINITION.partitionKey,
  sortKey: TABLE_DEFINITION.sortKey,
  // Every index projects ALL attributes (the CDK default), as the shared definition says.
  globalIndexes: TABLE_DEFINITION.globalSecondaryIndexes.map((index) => ({
    indexName: index.indexName,
    partitionKey: index.partitionKey,
    sortKey: index.sortKey,
  })),
  ttlAttribute: TABLE_DEFINITION.timeToLiveAttribute,
};
