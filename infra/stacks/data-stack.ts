/**
 * Stateful resources, kept in their own stack so redeploying or even deleting the stateless
 * stack (functions, API, schedule) can never touch the data: the plan table and the Graph
 * credential the operator sets by hand.
 */
import { RemovalPolicy, Stack, Validations } from "aws-cdk-lib";
import type { StackProps } from "aws-cdk-lib";
import { AttributeType, Billing, TableEncryptionV2, TableV2 } from "aws-cdk-lib/aws-dynamodb";
import type { Attribute } from "aws-cdk-lib/aws-dynamodb";
import { Secret } from "aws-cdk-lib/aws-secretsmanager";
import type { Construct } from "constructs";
import type { PlanTable } from "#infra/constructs/table-grants.ts";
import type { KeyAttribute, TableSchema } from "#infra/table-schema.ts";

/** Inputs of the data stack. */
export interface DataStackProps extends StackProps {
  /** Keys, GSIs and TTL attribute, shared with DynamoDB Local. */
  readonly schema: TableSchema;
}

const attributeTypes = { S: AttributeType.STRING, N: AttributeType.NUMBER, B: AttributeType.BINARY } as const;

function attribute(key: KeyAttribute): Attribute {
  return { name: key.name, type: attributeTypes[key.type] };
}

/** The plan table and the Graph app credential; both survive stack deletion. */
export class DataStack extends Stack {
  /** The one table: rows, history, cursors, idempotency records, run reports, registrations. */
  readonly table: TableV2;
  /** The table with its index names, for wildcard-free grants. */
  readonly planTable: PlanTable;
  /** JSON `{ "clientId": "...", "clientSecret": "..." }` of the nightly job's Entra ID app. */
  readonly graphCredential: Secret;

  constructor(scope: Construct, id: string, props: DataStackProps) {
    super(scope, id, props);
    const { schema } = props;
    this.table = new TableV2(this, "PlanTable", {
      partitionKey: attribute(schema.partitionKey),
      ...(schema.sortKey ? { sortKey: attribute(schema.sortKey) } : {}),
      globalSecondaryIndexes: schema.globalIndexes.map((index) => ({
        indexName: index.indexName,
        partitionKey: attribute(index.partitionKey),
        ...(index.sortKey ? { sortKey: attribute(index.sortKey) } : {}),
      })),
      timeToLiveAttribute: schema.ttlAttribute,
      billing: Billing.onDemand(),
      encryption: TableEncryptionV2.awsManagedKey(),
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      deletionProtection: true,
      removalPolicy: RemovalPolicy.RETAIN,
    });

    this.planTable = { table: this.table, indexNames: schema.globalIndexes.map((index) => index.indexName) };

    // The value is a placeholder until the operator stores the real one (see infra/README.md):
    // a client secret must never appear in a template or in source control.
    this.graphCredential = new Secret(this, "GraphCredential", {
      description: "Entra ID app-only credential (clientId, clientSecret) the nightly job uses to read workbooks via Microsoft Graph",
      generateSecretString: {
        secretStringTemplate: JSON.stringify({ clientId: "set-after-deploy" }),
        generateStringKey: "clientSecret",
      },
      removalPolicy: RemovalPolicy.RETAIN,
    });
    Validations.of(this.graphCredential).acknowledge({
      id: "AwsSolutions::AwsSolutions-SMG4",
      reason:
        "The value is an Entra ID client secret: it is rotated in Entra ID (where it expires) and then stored here; Secrets Manager cannot rotate it by itself.",
    });
  }
}
