import { beforeAll, describe, expect, it } from "vitest";
import { Match } from "aws-cdk-lib/assertions";
import { logicalIdOf, resourcesOf, synthApp } from "#tests/infra/synth-app.ts";
import type { SynthesizedApp } from "#tests/infra/synth-app.ts";
import { actionsOf, statementsOfRole } from "#tests/infra/iam.ts";

// Values unlike cdk.json's defaults, so every assertion proves the value comes from context.
const TENANT = "6f1c2e4a-1b2c-4d3e-8f9a-0b1c2d3e4f5a";
const AUDIENCE_URI = "api://clust-er-actionplan";
const CLIENT_ID = "0b6c1f2e-3d4a-4b5c-9d8e-7f6a5b4c3d2e";
const ORIGIN = "https://addin.clust-er.example";
const CERT = "arn:aws:acm:us-east-1:123456789012:certificate/0b6c1f2e-3d4a-4b5c-9d8e-7f6a5b4c3d2e";

let synthesized: SynthesizedApp;
beforeAll(() => {
  synthesized = synthApp(false, { tenantId: TENANT, apiAudience: `${AUDIENCE_URI},${CLIENT_ID}`, addinDomain: new URL(ORIGIN).host, addinCertificateArn: CERT });
});

describe("stateless stack: Lambda defaults", () => {
  it("has one function per API handler plus the nightly job", () => {
    expect(resourcesOf(synthesized.apiTemplate, "AWS::Lambda::Function")).toHaveLength(11);
  });

  it.each([
    ["arm64", "Architectures", ["arm64"]],
    ["Node.js 22", "Runtime", "nodejs22.x"],
    ["active X-Ray tracing", "TracingConfig", { Mode: "Active" }],
    ["source maps enabled at run time", "Environment", expect.objectContaining({ Variables: expect.objectContaining({ NODE_OPTIONS: "--enable-source-maps" }) })],
    ["JSON logs in its own log group", "LoggingConfig", expect.objectContaining({ LogFormat: "JSON", LogGroup: expect.anything() })],
  ])("every function runs %s", (_name, property, expected) => {
    for (const [id, fn] of resourcesOf(synthesized.apiTemplate, "AWS::Lambda::Function")) {
      expect(fn.Properties[property], id).toEqual(expected);
    }
  });

  it("lets every API handler run until just before the HTTP API's 30 s limit", () => {
    for (const [name, fn] of synthesized.api.functions) {
      const id = logicalIdOf(synthesized.api, fn.fn);
      const props = (synthesized.apiTemplate.toJSON().Resources[id] as { Properties: { Timeout: number; MemorySize: number } }).Properties;
      expect({ name, timeout: props.Timeout, memory: props.MemorySize }).toEqual({ name, timeout: 29, memory: 1024 });
    }
  });

  it("gives every log group a retention", () => {
    const groups = resourcesOf(synthesized.apiTemplate, "AWS::Logs::LogGroup");
    expect(groups.length).toBeGreaterThanOrEqual(11); // 10 functions + API access logs
    for (const [, group] of groups) expect(group.Properties.RetentionInDays).toBeGreaterThan(0);
  });

  it("uses no AWS managed policy (each role writes only to its own log group)", () => {
    for (const [, role] of resourcesOf(synthesized.apiTemplate, "AWS::IAM::Role")) {
      expect(role.Properties.ManagedPolicyArns).toBeUndefined();
    }
  });
});

describe("stateless stack: HTTP API", () => {
  it("has a JWT authorizer for the Entra ID v2 issuer and the audiences from context", () => {
    synthesized.apiTemplate.hasResourceProperties("AWS::ApiGatewayV2::Authorizer", {
      AuthorizerType: "JWT",
      IdentitySource: ["$request.header.Authorization"],
      JwtConfiguration: { Issuer: `https://login.microsoftonline.com/${TENANT}/v2.0`, Audience: [AUDIENCE_URI, CLIENT_ID] },
    });
  });

  it.each([
    ["ACTIONPLAN_AUTH_ISSUERS", `https://login.microsoftonline.com/${TENANT}/v2.0`],
    ["ACTIONPLAN_AUTH_AUDIENCE", `${AUDIENCE_URI},${CLIENT_ID}`],
    ["ACTIONPLAN_AUTH_JWKS_URI", `https://login.microsoftonline.com/${TENANT}/discovery/v2.0/keys`],
    ["ACTIONPLAN_CORS_ORIGINS", ORIGIN],
  ])("tells every function %s so it re-verifies tokens like the authorizer", (name, value) => {
    for (const [id, fn] of resourcesOf(synthesized.apiTemplate, "AWS::Lambda::Function")) {
      const variables = (fn.Properties.Environment as { Variables: Record<string, unknown> }).Variables;
      expect(variables[name], id).toBe(value);
    }
  });

  it("allows CORS from the add-in origin (the hosting stack's custom domain) only", () => {
    synthesized.apiTemplate.hasResourceProperties("AWS::ApiGatewayV2::Api", {
      CorsConfiguration: Match.objectLike({ AllowOrigins: [ORIGIN], AllowHeaders: Match.arrayWith(["authorization", "idempotency-key"]) }),
    });
  });

  it.each([
    "POST /plans",
    "POST /plans/{plan}/sync",
    "GET /plans/{plan}/changes",
    "GET /plans/{plan}/rows/{entity}/{key}/history",
    "POST /plans/{plan}/rows/{entity}/{key}/restore",
    "GET /plans/{plan}/runs",
    "GET /plans/{plan}/rollups",
    "GET /plans/{plan}/movement",
    "GET /plans/{plan}/workbooks",
    "POST /plans/{plan}/workbooks",
    "DELETE /plans/{plan}/workbooks/{workbook}",
    "GET /plans/{plan}/members",
    "PUT /plans/{plan}/members/{member}",
    "DELETE /plans/{plan}/members/{member}",
  ])("routes %s through the JWT authorizer to a Lambda", (routeKey) => {
    synthesized.apiTemplate.hasResourceProperties("AWS::ApiGatewayV2::Route", {
      RouteKey: routeKey,
      AuthorizationType: "JWT",
      AuthorizerId: Match.anyValue(),
      Target: Match.anyValue(),
    });
  });

  it("has no route without authorization", () => {
    for (const [, route] of resourcesOf(synthesized.apiTemplate, "AWS::ApiGatewayV2::Route")) {
      expect(route.Properties.AuthorizationType).toBe("JWT");
    }
  });

  it("logs every request on the auto-deployed default stage", () => {
    synthesized.apiTemplate.hasResourceProperties("AWS::ApiGatewayV2::Stage", {
      StageName: "$default",
      AutoDeploy: true,
      AccessLogSettings: { DestinationArn: Match.anyValue(), Format: Match.stringLikeRegexp("requestId") },
    });
  });
});

describe("stateless stack: nightly schedule", () => {
  it("fires at 03:30 Europe/Rome with retries and a dead-letter queue, targeting the nightly function", () => {
    const nightlyId = logicalIdOf(synthesized.api, synthesized.api.nightly.fn);
    const queueId = logicalIdOf(synthesized.api, synthesized.api.schedule.deadLetterQueue);
    synthesized.apiTemplate.hasResourceProperties("AWS::Scheduler::Schedule", {
      ScheduleExpression: "cron(30 3 * * ? *)",
      ScheduleExpressionTimezone: "Europe/Rome",
      FlexibleTimeWindow: { Mode: "OFF" },
      State: "ENABLED",
      Target: Match.objectLike({
        Arn: { "Fn::GetAtt": [nightlyId, "Arn"] },
        RetryPolicy: { MaximumRetryAttempts: 2, MaximumEventAgeInSeconds: 7200 },
        DeadLetterConfig: { Arn: { "Fn::GetAtt": [queueId, "Arn"] } },
      }),
    });
  });

  it("sends runs that fail after Lambda's own retries to the same dead-letter queue", () => {
    const queueId = logicalIdOf(synthesized.api, synthesized.api.schedule.deadLetterQueue);
    synthesized.apiTemplate.hasResourceProperties("AWS::Lambda::EventInvokeConfig", {
      FunctionName: { Ref: logicalIdOf(synthesized.api, synthesized.api.nightly.fn) },
      MaximumRetryAttempts: 2,
      MaximumEventAgeInSeconds: 7200,
      DestinationConfig: { OnFailure: { Destination: { "Fn::GetAtt": [queueId, "Arn"] } } },
    });
  });

  it("encrypts the dead-letter queue and denies non-TLS access to it", () => {
    synthesized.apiTemplate.hasResourceProperties("AWS::SQS::Queue", { SqsManagedSseEnabled: true });
    synthesized.apiTemplate.hasResourceProperties("AWS::SQS::QueuePolicy", {
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({ Effect: "Deny", Condition: { Bool: { "aws:SecureTransport": "false" } } }),
        ]),
      },
    });
  });

  it("alarms as soon as one message is in the dead-letter queue", () => {
    const queueId = logicalIdOf(synthesized.api, synthesized.api.schedule.deadLetterQueue);
    synthesized.apiTemplate.hasResourceProperties("AWS::CloudWatch::Alarm", {
      MetricName: "ApproximateNumberOfMessagesVisible",
      Namespace: "AWS/SQS",
      Threshold: 1,
      ComparisonOperator: "GreaterThanOrEqualToThreshold",
      Dimensions: [{ Name: "QueueName", Value: { "Fn::GetAtt": [queueId, "QueueName"] } }],
    });
  });

  it("gives the nightly job 15 minutes and the Graph secret's ARN", () => {
    const id = logicalIdOf(synthesized.api, synthesized.api.nightly.fn);
    const fn = synthesized.apiTemplate.toJSON().Resources[id] as { Properties: { Timeout: number; Environment: { Variables: Record<string, unknown> } } };
    expect(fn.Properties.Timeout).toBe(900);
    expect(Object.keys(fn.Properties.Environment.Variables)).toEqual(expect.arrayContaining(["ACTIONPLAN_GRAPH_SECRET_ARN", "ACTIONPLAN_GRAPH_TENANT_ID", "ACTIONPLAN_TABLE"]));
  });
});

describe("stateless stack: least privilege", () => {
  function statementsOf(name: string) {
    const fn = name === "Nightly" ? synthesized.api.nightly : synthesized.api.functions.get(name);
    if (!fn) throw new Error(`no function ${name}`);
    return statementsOfRole(synthesized.apiTemplate, logicalIdOf(synthesized.api, fn.role));
  }
  const allFunctions = ["Push", "Changes", "History", "Restore", "Runs", "Rollups", "Workbooks", "Nightly"];

  it.each(allFunctions.map((name) => [name, name === "Nightly"] as const))(
    "%s may read the Graph secret: %s",
    (name, mayRead) => {
      expect(actionsOf(statementsOf(name)).includes("secretsmanager:GetSecretValue")).toBe(mayRead);
    },
  );

  it.each([
    ["Push", true],
    ["Changes", true],
    ["History", false],
    ["Restore", true],
    ["Runs", false],
    ["Rollups", true],
    ["Workbooks", true],
    ["Nightly", true],
  ] as const)("%s may write to the table: %s", (name, mayWrite) => {
    const actions = actionsOf(statementsOf(name));
    expect(actions).toContain("dynamodb:Query");
    expect(actions.includes("dynamodb:PutItem")).toBe(mayWrite);
  });

  it.each(allFunctions)("%s has no wildcard resource except X-Ray's (which has no resource-level permissions)", (name) => {
    for (const statement of statementsOf(name)) {
      const resources = JSON.stringify(statement.Resource);
      const xray = actionsOf([statement]).every((action) => action.startsWith("xray:"));
      if (!xray) expect(resources, JSON.stringify(statement.Action)).not.toContain("*");
    }
  });
});
