import { readFileSync, readdirSync, statSync, existsSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { App, Stack, Validations } from "aws-cdk-lib";
import { Annotations, Match } from "aws-cdk-lib/assertions";
import { Queue } from "aws-cdk-lib/aws-sqs";
import { AwsSolutionsChecks } from "cdk-nag";
import type { IConstruct } from "constructs";
import { synthApp } from "#tests/infra/synth-app.ts";
import type { SynthesizedApp } from "#tests/infra/synth-app.ts";

interface ValidationReport {
  pluginReports: Array<{ pluginName: string; violations: Array<{ ruleName: string; violatingConstructs: Array<{ constructPath: string }> }> }>;
}

function readReport(outdir: string): ValidationReport {
  const path = join(outdir, "validation-report.json");
  return existsSync(path) ? (JSON.parse(readFileSync(path, "utf8")) as ValidationReport) : { pluginReports: [] };
}

/** Every acknowledgement recorded in the construct tree: rule id → reason, with its path. */
function acknowledgements(root: IConstruct): Array<{ path: string; id: string; reason: unknown }> {
  return root.node.findAll().flatMap((construct) =>
    construct.node.metadata
      .filter((entry) => entry.type === Validations.ACKNOWLEDGED_RULES_METADATA_KEY)
      .flatMap((entry) => Object.entries(entry.data as Record<string, unknown>).map(([id, reason]) => ({ path: construct.node.path, id, reason }))),
  );
}

/** Asset hashes change with every handler edit; the snapshot pins the template's shape, not them. */
function stripHashes(template: unknown): unknown {
  return JSON.parse(
    JSON.stringify(template)
      .replace(/[0-9a-f]{64}(\.zip|\.json)?/g, "[HASH]$1")
      .replace(/"S3Key":"[^"]*"/g, '"S3Key":"[ASSET]"'),
  );
}

let synthesized: SynthesizedApp;
beforeAll(() => {
  // Bundles every handler for real with the local esbuild; the only full synthesis of the suite.
  synthesized = synthApp(true, { "aws:cdk:version-reporting": false });
});

describe("cdk-nag AWS Solutions gate", () => {
  it("synthesizes with no unacknowledged finding", () => {
    const violations = readReport(synthesized.outdir).pluginReports.flatMap((report) =>
      report.violations.flatMap((v) => v.violatingConstructs.map((c) => `${v.ruleName} at ${c.constructPath}`)),
    );
    expect(violations).toEqual([]);
  });

  it("carries a written reason on every acknowledgement", () => {
    const acks = acknowledgements(synthesized.app);
    expect(acks.length).toBeGreaterThan(0);
    for (const ack of acks) expect(String(ack.reason).trim().length, `${ack.id} at ${ack.path}`).toBeGreaterThanOrEqual(40);
  });

  it("fails synthesis on a finding nobody acknowledged (the gate can fail)", () => {
    // Prepare: a queue with neither TLS enforcement nor a DLQ
    const outdir = mkdtempSync(join(tmpdir(), "actionplan-nag-"));
    const app = new App({ outdir });
    new Queue(new Stack(app, "Probe"), "PlainQueue");
    Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
    // Act
    const synth = () => app.synth();
    // Assess
    expect(synth).toThrow(/AwsSolutions-SQS4/);
    const rules = readReport(outdir).pluginReports.flatMap((r) => r.violations.map((v) => v.ruleName));
    expect(rules).toContain("AwsSolutions-SQS4");
  });

  it.each(["data", "api", "hosting"] as const)("leaves no CDK warning on the %s stack", (which) => {
    const stack = synthesized[which];
    expect(Annotations.fromStack(stack).findWarning("*", Match.anyValue())).toEqual([]);
  });
});

describe("templates", () => {
  it.each(["data", "api", "hosting"] as const)("match the snapshot of the %s stack (asset hashes stripped)", (which) => {
    const template = synthesized[`${which}Template`];
    expect(stripHashes(template.toJSON())).toMatchSnapshot();
  });
});

describe("before the first release (cdk.json's context: no release, no custom domain)", () => {
  it("synthesizes the hosting stack with nothing to deploy, and says what to do", () => {
    synthesized.hostingTemplate.resourceCountIs("Custom::CDKBucketDeployment", 0);
    synthesized.hostingTemplate.hasOutput("ReleaseVersion", { Value: Match.stringLikeRegexp("npm run release") });
  });

  it("lets the API's CORS allow the CloudFront domain of the hosting stack, and nothing else", () => {
    const api = Object.values(synthesized.apiTemplate.findResources("AWS::ApiGatewayV2::Api"))[0] as { Properties: { CorsConfiguration: { AllowOrigins: unknown[] } } };
    const origins = api.Properties.CorsConfiguration.AllowOrigins;
    expect(origins).toHaveLength(1);
    expect(JSON.stringify(origins[0])).toMatch(/^\{"Fn::Join":\["",\["https:\/\/",\{"Fn::ImportValue":"ActionPlanHosting:[^"]*Distribution\w*DomainName/);
  });
});

describe("Lambda bundles", () => {
  function bundles(): Array<{ dir: string; size: number }> {
    return readdirSync(synthesized.outdir)
      .filter((name) => name.startsWith("asset.") && existsSync(join(synthesized.outdir, name, "index.mjs")))
      .map((name) => ({ dir: name, size: statSync(join(synthesized.outdir, name, "index.mjs")).size }));
  }

  it("bundles one ESM file with a source map per function", () => {
    const found = bundles();
    expect(found).toHaveLength(11);
    for (const { dir } of found) expect(existsSync(join(synthesized.outdir, dir, "index.mjs.map"))).toBe(true);
  });

  it("keeps every minified bundle under 1 MB (SPEC §11)", () => {
    for (const bundle of bundles()) expect(bundle.size, bundle.dir).toBeLessThanOrEqual(1_048_576);
  });
});
