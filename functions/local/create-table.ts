/** Creates the sync table from the one definition the CDK stack uses too (local stack and tests). */
import {
  CreateTableCommand,
  UpdateTimeToLiveCommand,
  type CreateTableCommandInput,
  type DynamoDBClient,
} from "@aws-sdk/client-dynamodb";
import { TABLE_DEFINITION } from "../store/table-definition.ts";

/** The CreateTable input for `TABLE_DEFINITION`. */
export function createTableInput(tableName: string): CreateTableCommandInput {
  const def = TABLE_DEFINITION;
  const attributes = new Map<string, "S" | "N">();
  const note = (k: { name: string; type: "S" | "N" }): void => void attributes.set(k.name, k.type);
  note(def.partitionKey);
  note(def.sortKey);
  for (const gsi of def.globalSecondaryIndexes) {
    note(gsi.partitionKey);
    note(gsi.sortKey);
  }
  return {
    TableName: tableName,
    BillingMode: def.billingMode,
    AttributeDefinitions: [...attributes].map(([AttributeName, AttributeType]) => ({
      AttributeName,
      AttributeType,
    })),
    KeySchema: [
      { AttributeName: def.partitionKey.name, KeyType: "HASH" },
      { AttributeName: def.sortKey.name, KeyType: "RANGE" },
    ],
    GlobalSecondaryIndexes: def.globalSecondaryIndexes.map((gsi) => ({
      IndexName: gsi.indexName,
      KeySchema: [
        { AttributeName: gsi.partitionKey.name, KeyType: "HASH" },
        { AttributeName: gsi.sortKey.name, KeyType: "RANGE" },
      ],
      Projection: { ProjectionType: gsi.projection },
    })),
  };
}

/** Creates the table (and turns on TTL) through a low-level client. */
export async function createTable(client: DynamoDBClient, tableName: string): Promise<void> {
  try {
    await client.send(new CreateTableCommand(createTableInput(tableName)));
  } catch (error) {
    // A persistent local database (actionplan serve without --in-memory) already has it.
    if ((error as { name?: string }).name === "ResourceInUseException") return;
    throw error;
  }
  await client.send(
    new UpdateTimeToLiveCommand({
      TableName: tableName,
      TimeToLiveSpecification: { AttributeName: TABLE_DEFINITION.timeToLiveAttribute, Enabled: true },
    }),
  );
}
