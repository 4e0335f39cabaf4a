import { beforeAll, describe, expect, it } from "vitest";
import { Match } from "aws-cdk-lib/assertions";
import { TABLE_DEFINITION } from "#functions/store/table-definition.ts";
import { tableSchema } from "#infra/table-schema.ts";
import { resourcesOf, synthApp } from "#tests/infra/synth-app.ts";
import type { SynthesizedApp } from "#tests/infra/synth-app.ts";

let synthesized: SynthesizedApp;
beforeAll(() => {
  synthesized = synthApp(false);
});

describe("stateful stack: the plan table", () => {
  it("has exactly one table, kept on stack deletion and protected from deletion", () => {
    // Prepare / Act
    const tables = synthesized.dataTemplate.findResources("AWS::DynamoDB::GlobalTable");
    // Assess
    const entries = Object.values(tables);
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ DeletionPolicy: "Retain", UpdateReplacePolicy: "Retain" });
  });

  it.each([
    ["point-in-time recovery", { Replicas: [Match.objectLike({ PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true } })] }],
    ["deletion protection", { Replicas: [Match.objectLike({ DeletionProtectionEnabled: true })] }],
    ["AWS-managed encryption (no customer key)", { SSESpecification: { SSEEnabled: true, SSEType: "KMS" } }],
    ["on-demand billing", { BillingMode: "PAY_PER_REQUEST" }],
    ["TTL on the idempotency-record attribute", { TimeToLiveSpecification: { AttributeName: tableSchema.ttlAttribute, Enabled: true } }],
  ])("has %s", (_name, expected) => {
    synthesized.dataTemplate.hasResourceProperties("AWS::DynamoDB::GlobalTable", expected);
  });

  it("uses the key schema of the shared table definition", () => {
    // Prepare
    const expectedKeys = [
      { AttributeName: tableSchema.partitionKey.name, KeyType: "HASH" },
      ...(tableSchema.sortKey ? [{ AttributeName: tableSchema.sortKey.name, KeyType: "RANGE" }] : []),
    ];
    // Act / Assess
    synthesized.dataTemplate.hasResourceProperties("AWS::DynamoDB::GlobalTable", { KeySchema: expectedKeys });
  });

  it.each(tableSchema.globalIndexes.map((index) => [index.indexName, index] as const))(
    "has the GSI %s of the shared table definition",
    (indexName, index) => {
      const keys = [
        { AttributeName: index.partitionKey.name, KeyType: "HASH" },
        ...(index.sortKey ? [{ AttributeName: index.sortKey.name, KeyType: "RANGE" }] : []),
      ];
      synthesized.dataTemplate.hasResourceProperties("AWS::DynamoDB::GlobalTable", {
        GlobalSecondaryIndexes: Match.arrayWith([Match.objectLike({ IndexName: indexName, KeySchema: keys })]),
      });
    },
  );

  it.each(TABLE_DEFINITION.globalSecondaryIndexes.map((index) => [index.indexName, index.projection] as const))(
    "projects the attributes the shared definition asks for on %s (%s)",
    (indexName, projection) => {
      synthesized.dataTemplate.hasResourceProperties("AWS::DynamoDB::GlobalTable", {
        GlobalSecondaryIndexes: Match.arrayWith([Match.objectLike({ IndexName: indexName, Projection: { ProjectionType: projection } })]),
      });
    },
  );

  it("has no GSI the shared table definition does not name", () => {
    const [, table] = resourcesOf(synthesized.dataTemplate, "AWS::DynamoDB::GlobalTable")[0] ?? [];
    const names = ((table?.Properties.GlobalSecondaryIndexes ?? []) as Array<{ IndexName: string }>).map((i) => i.IndexName);
    expect(names.sort()).toEqual(tableSchema.globalIndexes.map((i) => i.indexName).sort());
  });
});

describe("stateful stack: the Graph credential", () => {
  it("is one retained secret whose generated value holds a client id placeholder and a secret", () => {
    const secrets = Object.values(synthesized.dataTemplate.findResources("AWS::SecretsManager::Secret"));
    expect(secrets).toHaveLength(1);
    expect(secrets[0]).toMatchObject({
      DeletionPolicy: "Retain",
      Properties: { GenerateSecretString: { GenerateStringKey: "clientSecret", SecretStringTemplate: expect.stringContaining("clientId") } },
    });
  });

  it("never carries a literal secret value in the template", () => {
    synthesized.dataTemplate.hasResourceProperties("AWS::SecretsManager::Secret", { SecretString: Match.absent() });
  });
});
