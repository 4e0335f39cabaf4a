import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { App } from "aws-cdk-lib";
import { InfraContextError, entraIssuer, normalizeOrigin, readSettings } from "#infra/context.ts";

const CLIENT_ID = "0b6c1f2e-3d4a-4b5c-9d8e-7f6a5b4c3d2e";
const valid = { tenantId: "6f1c2e4a-1b2c-4d3e-8f9a-0b1c2d3e4f5a", apiAudience: `api://actionplan,${CLIENT_ID}`, addinOrigin: "https://addin.example.org" };

function settingsFrom(context: Record<string, unknown>) {
  return readSettings(new App({ context }).node);
}

describe("deployment settings from CDK context", () => {
  it("reads the required values, the optional extra origin, and defaults the prefix and release folder", () => {
    const { apiAudience: _list, ...rest } = valid;
    expect(settingsFrom(valid)).toEqual({ ...rest, apiAudiences: ["api://actionplan", CLIENT_ID], prefix: "ActionPlan", releaseDir: "release" });
  });

  it("needs no addinOrigin: the hosting stack's origin is the one CORS allows", () => {
    const { addinOrigin: _origin, ...rest } = valid;
    expect(settingsFrom(rest).addinOrigin).toBeUndefined();
  });

  it("reads the custom domain, its certificate and the alarm address", () => {
    const cert = "arn:aws:acm:us-east-1:123456789012:certificate/0b6c1f2e-3d4a-4b5c-9d8e-7f6a5b4c3d2e";
    expect(settingsFrom({ ...valid, addinDomain: "Addin.Clust-ER.it", addinCertificateArn: cert, alarmEmail: "ops@clust-er.it" })).toMatchObject({
      addinDomain: "addin.clust-er.it",
      addinCertificateArn: cert,
      alarmEmail: "ops@clust-er.it",
    });
  });

  it.each<[string, unknown, string[]]>([
    ["a comma list with spaces", ` api://actionplan , ${CLIENT_ID} `, ["api://actionplan", CLIENT_ID]],
    ["a JSON array (cdk.json)", ["api://actionplan", CLIENT_ID], ["api://actionplan", CLIENT_ID]],
    ["the client id alone", CLIENT_ID, [CLIENT_ID]],
    ["a repeated value once", `${CLIENT_ID},${CLIENT_ID}`, [CLIENT_ID]],
  ])("reads the audiences from %s", (_name, apiAudience, expected) => {
    expect(settingsFrom({ ...valid, apiAudience }).apiAudiences).toEqual(expected);
  });

  it.each([
    ["tenantId missing", { ...valid, tenantId: undefined }, /tenantId/],
    ["tenantId neither GUID nor domain", { ...valid, tenantId: "not a tenant" }, /tenantId/],
    ["apiAudience blank", { ...valid, apiAudience: "  " }, /apiAudience/],
    ["apiAudience without the client id GUID (v2 tokens carry it)", { ...valid, apiAudience: "api://actionplan" }, /client id/],
    ["addinOrigin not a URL", { ...valid, addinOrigin: "addin.example.org" }, /addinOrigin/],
    ["addinOrigin plain http on a public host", { ...valid, addinOrigin: "http://addin.example.org" }, /https/],
    ["prefix with a space", { ...valid, prefix: "Action Plan" }, /prefix/],
    ["a custom domain without its certificate", { ...valid, addinDomain: "addin.example.org" }, /addinCertificateArn/],
    ["a certificate outside us-east-1 (CloudFront uses only those)", { ...valid, addinDomain: "addin.example.org", addinCertificateArn: "arn:aws:acm:eu-south-1:123456789012:certificate/0b6c1f2e-3d4a-4b5c-9d8e-7f6a5b4c3d2e" }, /us-east-1/],
    ["a domain with a scheme", { ...valid, addinDomain: "https://addin.example.org", addinCertificateArn: "arn:aws:acm:us-east-1:123456789012:certificate/0b6c1f2e-3d4a-4b5c-9d8e-7f6a5b4c3d2e" }, /addinDomain/],
    ["an alarm address that is not one", { ...valid, alarmEmail: "ops" }, /alarmEmail/],
  ])("rejects %s with a message naming the key", (_name, context, message) => {
    expect(() => settingsFrom(context)).toThrow(InfraContextError);
    expect(() => settingsFrom(context)).toThrow(message);
  });

  it.each([
    ["https://addin.example.org/", "https://addin.example.org"],
    ["https://addin.example.org/taskpane.html?x=1", "https://addin.example.org"],
    ["https://ADDIN.example.org:443", "https://addin.example.org"],
    ["https://localhost:3000", "https://localhost:3000"],
    ["http://localhost:3000/", "http://localhost:3000"],
  ])("normalizes the add-in origin %s to %s (CORS compares origins literally)", (raw, origin) => {
    expect(normalizeOrigin(raw)).toBe(origin);
  });

  it("keeps any https URL's origin and drops its path", () => {
    fc.assert(
      fc.property(fc.webUrl({ validSchemes: ["https"], withQueryParameters: true, withFragments: true }), (url) => {
        const origin = normalizeOrigin(url);
        expect(origin).toBe(new URL(url).origin);
        expect(origin.endsWith("/")).toBe(false);
      }),
    );
  });

  it("builds the Entra ID v2 issuer of a tenant", () => {
    expect(entraIssuer(valid.tenantId)).toBe(`https://login.microsoftonline.com/${valid.tenantId}/v2.0`);
  });
});
