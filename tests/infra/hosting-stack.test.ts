/**
 * The hosting stack and the operations alarms, on the real app: the add-in bucket is never public
 * and reached only through CloudFront's origin access control, HTTPS only with TLS 1.2+ on a
 * custom domain, security headers with a CSP naming exactly Office.js, Entra ID and the API,
 * long caching for hashed chunks only, the release deployed (and invalidated), its origin in the
 * API's CORS, cdk-nag clean; and an SNS action on every alarm.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { Match } from "aws-cdk-lib/assertions";
import { logicalIdOf, resourcesOf, synthApp } from "#tests/infra/synth-app.ts";
import type { SynthesizedApp } from "#tests/infra/synth-app.ts";
import { contentSecurityPolicy } from "#infra/hosting/content-security-policy.ts";
import { ReleaseFolderError, readReleaseFolder } from "#infra/hosting/release-folder.ts";

const DOMAIN = "addin.example.org";
const CERT = "arn:aws:acm:us-east-1:123456789012:certificate/0b6c1f2e-3d4a-4b5c-9d8e-7f6a5b4c3d2e";
const API = "https://abc123.execute-api.eu-south-1.amazonaws.com";

/** A small release folder as `npm run release` writes it. */
function fakeRelease(): string {
  const dir = mkdtempSync(join(tmpdir(), "actionplan-fake-release-"));
  mkdirSync(join(dir, "chunks"));
  writeFileSync(join(dir, "release.json"), JSON.stringify({ origin: `https://${DOMAIN}`, api: API, version: "0.1.0" }));
  writeFileSync(join(dir, "manifest.xml"), "<OfficeApp/>");
  writeFileSync(join(dir, "taskpane.html"), "<!doctype html>");
  writeFileSync(join(dir, "chunks", "taskpane-chunk-ABC123.js"), "export {}");
  return dir;
}

function nagViolations(outdir: string): string[] {
  const path = join(outdir, "validation-report.json");
  if (!existsSync(path)) return [];
  const report = JSON.parse(readFileSync(path, "utf8")) as {
    pluginReports: Array<{ violations: Array<{ ruleName: string; violatingConstructs: Array<{ constructPath: string }> }> }>;
  };
  return report.pluginReports.flatMap((r) => r.violations.flatMap((v) => v.violatingConstructs.map((c) => `${v.ruleName} at ${c.constructPath}`)));
}

// One synthesis (no bundling) with a release, a custom domain and an alarm address; the app
// without them (cdk.json's context) is checked in app-synth.test.ts.
let released: SynthesizedApp;
beforeAll(() => {
  released = synthApp(false, { releaseDir: fakeRelease(), addinDomain: DOMAIN, addinCertificateArn: CERT, alarmEmail: "ops@example.org" });
}, 120_000);

describe("the add-in bucket", () => {
  it("blocks every kind of public access and refuses plain HTTP", () => {
    released.hostingTemplate.hasResourceProperties("AWS::S3::Bucket", {
      PublicAccessBlockConfiguration: { BlockPublicAcls: true, BlockPublicPolicy: true, IgnorePublicAcls: true, RestrictPublicBuckets: true },
      VersioningConfiguration: { Status: "Enabled" },
    });
    for (const [, bucket] of resourcesOf(released.hostingTemplate, "AWS::S3::Bucket"))
      expect(bucket.Properties["PublicAccessBlockConfiguration"]).toEqual({ BlockPublicAcls: true, BlockPublicPolicy: true, IgnorePublicAcls: true, RestrictPublicBuckets: true });
  });

  it("lets only this distribution read it, through origin access control", () => {
    const siteId = logicalIdOf(released.hosting, released.hosting.bucket);
    const policies = resourcesOf(released.hostingTemplate, "AWS::S3::BucketPolicy").filter(([, p]) => JSON.stringify(p.Properties["Bucket"]).includes(siteId));
    expect(policies).toHaveLength(1);
    const statements = (policies[0]?.[1].Properties["PolicyDocument"] as { Statement: Array<Record<string, unknown>> }).Statement;
    const allows = statements.filter((s) => s["Effect"] === "Allow");
    expect(allows).toHaveLength(1);
    expect(allows[0]).toMatchObject({ Principal: { Service: "cloudfront.amazonaws.com" }, Action: "s3:GetObject", Condition: { StringEquals: { "AWS:SourceArn": expect.anything() } } });
    // The only statement for everyone is the TLS-only deny.
    for (const s of statements.filter((st) => JSON.stringify(st["Principal"]) === '{"AWS":"*"}' || st["Principal"] === "*"))
      expect(s).toMatchObject({ Effect: "Deny", Condition: { Bool: { "aws:SecureTransport": "false" } } });
    released.hostingTemplate.hasResourceProperties("AWS::CloudFront::OriginAccessControl", {
      OriginAccessControlConfig: Match.objectLike({ OriginAccessControlOriginType: "s3", SigningBehavior: "always", SigningProtocol: "sigv4" }),
    });
    released.hostingTemplate.resourceCountIs("AWS::CloudFront::CloudFrontOriginAccessIdentity", 0);
  });
});

describe("the distribution", () => {
  function distribution(app: SynthesizedApp): Record<string, unknown> {
    const [[, d] = ["", { Properties: {} }]] = resourcesOf(app.hostingTemplate, "AWS::CloudFront::Distribution");
    return d.Properties["DistributionConfig"] as Record<string, unknown>;
  }

  it("serves HTTPS only, on the custom domain with TLS 1.2 or later", () => {
    const config = distribution(released);
    const behaviours = [config["DefaultCacheBehavior"], ...(config["CacheBehaviors"] as unknown[])] as Array<Record<string, unknown>>;
    expect(behaviours.map((b) => b["ViewerProtocolPolicy"])).toEqual(["https-only", "https-only"]);
    expect(config["Aliases"]).toEqual([DOMAIN]);
    expect(config["ViewerCertificate"]).toMatchObject({ AcmCertificateArn: CERT, MinimumProtocolVersion: "TLSv1.2_2021", SslSupportMethod: "sni-only" });
  });

  it("sends HSTS, nosniff and a CSP that allows exactly Office.js, Entra ID sign-in and the API", () => {
    const [[, policy] = ["", { Properties: {} }]] = resourcesOf(released.hostingTemplate, "AWS::CloudFront::ResponseHeadersPolicy");
    const security = (policy.Properties["ResponseHeadersPolicyConfig"] as { SecurityHeadersConfig: Record<string, Record<string, unknown>> }).SecurityHeadersConfig;
    expect(security["StrictTransportSecurity"]).toMatchObject({ AccessControlMaxAgeSec: 63_072_000, Override: true });
    expect(security["ContentTypeOptions"]).toEqual({ Override: true });
    const csp = String(security["ContentSecurityPolicy"]?.["ContentSecurityPolicy"]);
    const directives = new Map(csp.split(/;\s*/).map((d) => { const [name = "", ...sources] = d.split(" "); return [name, sources]; }));
    expect(directives.get("default-src")).toEqual(["'none'"]);
    expect(directives.get("script-src")).toEqual(["'self'", "https://appsforoffice.microsoft.com"]);
    expect(directives.get("connect-src")).toEqual(["'self'", API, "https://login.microsoftonline.com"]);
    const hosts = csp.match(/https:\/\/[^\s;]+/g) ?? [];
    expect(new Set(hosts)).toEqual(new Set(["https://appsforoffice.microsoft.com", "https://login.microsoftonline.com", API]));
    expect(csp).not.toMatch(/\*|'unsafe-eval'|script-src[^;]*'unsafe-inline'/);
  });

  it("caches hashed chunks for a year and everything else (manifest, pages, functions.json) for minutes", () => {
    const config = distribution(released);
    const policies = new Map(resourcesOf(released.hostingTemplate, "AWS::CloudFront::CachePolicy").map(([id, p]) => [id, p.Properties["CachePolicyConfig"] as Record<string, number>]));
    const policyOf = (b: Record<string, unknown>) => policies.get((b["CachePolicyId"] as { Ref: string }).Ref);
    const chunks = (config["CacheBehaviors"] as Array<Record<string, unknown>>).find((b) => b["PathPattern"] === "chunks/*");
    expect(chunks && policyOf(chunks)).toMatchObject({ DefaultTTL: 31_536_000, MinTTL: 31_536_000 });
    expect(policyOf(config["DefaultCacheBehavior"] as Record<string, unknown>)).toMatchObject({ DefaultTTL: 300, MaxTTL: 300, MinTTL: 0 });
  });

  it("carries the release: chunks kept across releases, the rest replaced and invalidated", () => {
    const deployments = resourcesOf(released.hostingTemplate, "Custom::CDKBucketDeployment").map(([, d]) => d.Properties);
    expect(deployments).toHaveLength(2);
    const chunks = deployments.find((d) => JSON.stringify(d["Include"]) === '["chunks/*"]');
    const rest = deployments.find((d) => d !== chunks);
    expect(chunks).toMatchObject({ Prune: false, Exclude: ["*"], SystemMetadata: { "cache-control": "public, max-age=31536000, immutable" } });
    expect(rest).toMatchObject({ Exclude: ["chunks/*"], SystemMetadata: { "cache-control": "public, max-age=300" }, DistributionPaths: ["/*"] });
    expect(rest?.["Prune"]).not.toBe(false);
  });

  it("is cdk-nag clean, with the release deployed", () => {
    expect(nagViolations(released.outdir)).toEqual([]);
  });
});

describe("the API's CORS", () => {
  it("allows the hosting stack's custom origin", () => {
    released.apiTemplate.hasResourceProperties("AWS::ApiGatewayV2::Api", {
      CorsConfiguration: Match.objectLike({ AllowOrigins: [`https://${DOMAIN}`] }),
    });
  });

});

describe("alarms", () => {
  it("all tell the alarm topic, when raised and when cleared", () => {
    const topic = released.api.resolve(released.api.operations.topic.topicArn) as unknown;
    const alarms = resourcesOf(released.apiTemplate, "AWS::CloudWatch::Alarm");
    // 5xx rate + errors and throttles of each handler and the nightly job + nightly failures + its errors + the DLQ
    expect(alarms.length).toBe(1 + 2 * (released.api.functions.size + 1) + 1 + 1 + 1);
    for (const [id, alarm] of alarms) {
      expect(alarm.Properties["AlarmActions"], id).toEqual([topic]);
      expect(alarm.Properties["OKActions"], id).toEqual([topic]);
    }
    for (const template of [released.dataTemplate, released.hostingTemplate]) template.resourceCountIs("AWS::CloudWatch::Alarm", 0);
  });

  it("watch the API's 5xx rate, each Lambda's errors and throttles, nightly failures and the DLQ", () => {
    const alarms = resourcesOf(released.apiTemplate, "AWS::CloudWatch::Alarm").map(([, a]) => a.Properties);
    const metricNames = alarms.map((a) => a["MetricName"] ?? "expression");
    expect(metricNames.filter((m) => m === "Errors")).toHaveLength(released.api.functions.size + 2);
    expect(metricNames.filter((m) => m === "Throttles")).toHaveLength(released.api.functions.size + 1);
    expect(metricNames).toEqual(expect.arrayContaining(["NightlyFailed", "ApproximateNumberOfMessagesVisible", "expression"]));
    const rate = alarms.find((a) => a["Metrics"] !== undefined);
    expect(JSON.stringify(rate?.["Metrics"])).toContain("5xx");
  });

  it("are e-mailed to the address in context, through an encrypted, TLS-only topic", () => {
    released.apiTemplate.hasResourceProperties("AWS::SNS::Subscription", { Protocol: "email", Endpoint: "ops@example.org" });
    released.apiTemplate.hasResourceProperties("AWS::SNS::Topic", { KmsMasterKeyId: Match.anyValue() });
    released.apiTemplate.hasResourceProperties("AWS::SNS::TopicPolicy", {
      PolicyDocument: { Statement: Match.arrayWith([Match.objectLike({ Effect: "Deny", Condition: { Bool: { "aws:SecureTransport": "false" } } })]) },
    });
  });
});

describe("the release folder and the CSP, as plain functions", () => {
  it("reads no release where none was built, and refuses a folder that is not one", () => {
    const empty = mkdtempSync(join(tmpdir(), "actionplan-not-release-"));
    expect(readReleaseFolder(join(empty, "absent"), "/")).toBeUndefined();
    expect(() => readReleaseFolder(empty, "/")).toThrow(ReleaseFolderError);
  });

  it("names no API before the first release", () => {
    expect(contentSecurityPolicy(undefined)).toMatch(/connect-src 'self' https:\/\/login\.microsoftonline\.com;/);
  });
});
