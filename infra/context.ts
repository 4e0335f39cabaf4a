/**
 * Deployment settings read from CDK context (`cdk.json` or `-c key=value`).
 *
 * Everything environment-specific comes from here so the stacks stay env-agnostic and
 * `cdk synth` never needs AWS credentials or network lookups.
 */
import type { Node } from "constructs";

/** The settings the stacks are built from. */
export interface InfraSettings {
  /** Entra ID tenant (directory) id: the JWT issuer is `https://login.microsoftonline.com/<tenant>/v2.0`. */
  readonly tenantId: string;
  /**
   * Accepted `aud` values of API tokens (context `apiAudience`, a comma list or a JSON array): the
   * API registration's client id GUID — Entra ID v2 access tokens always carry it — and, if you
   * like, its Application ID URI (v1 tokens carry that).
   */
  readonly apiAudiences: readonly string[];
  /**
   * An extra origin CORS allows besides the hosting stack's own (e.g. a developer's
   * `https://localhost:3000` pane against a test deployment); unset in production.
   */
  readonly addinOrigin?: string;
  /** Prefix of every resource name (lets two deployments share an account). */
  readonly prefix: string;
  /** Custom domain of the add-in (context `addinDomain`, e.g. `addin.clust-er.it`); else CloudFront's. */
  readonly addinDomain?: string;
  /** ACM certificate for `addinDomain`, in us-east-1 as CloudFront requires (context `addinCertificateArn`). */
  readonly addinCertificateArn?: string;
  /** Who gets the alarm e-mails (context `alarmEmail`); the topic exists either way. */
  readonly alarmEmail?: string;
  /** The release folder the hosting stack deploys (context `releaseDir`, default `release`). */
  readonly releaseDir: string;
}

/** A context value is missing or malformed; the message names the key and how to set it. */
export class InfraContextError extends Error {
  override readonly name = "InfraContextError";
}

const TENANT = /^(?:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|[a-z0-9-]+(?:\.[a-z0-9-]+)+)$/i;
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const PREFIX = /^[A-Za-z][A-Za-z0-9-]{0,30}$/;
const DOMAIN = /^(?=.{1,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/i;
const CLOUDFRONT_CERT = /^arn:aws[a-z-]*:acm:us-east-1:\d{12}:certificate\/[0-9a-f-]{36}$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

function optional(node: Node, key: string): string | undefined {
  const value: unknown = node.tryGetContext(key);
  if (value === undefined || value === null || value === "") return undefined;
  if (typeof value !== "string") throw new InfraContextError(`CDK context "${key}" must be a text value.`);
  return value.trim();
}

function required(node: Node, key: string): string {
  const value: unknown = node.tryGetContext(key);
  if (typeof value !== "string" || value.trim() === "") {
    throw new InfraContextError(`CDK context "${key}" is required: pass -c ${key}=... or set it in cdk.json.`);
  }
  return value.trim();
}

/**
 * The accepted audiences. At least one must be a GUID: with `accessTokenAcceptedVersion: 2` the
 * `aud` of every access token is the API's client id, so a list of URIs alone would refuse every
 * real token (401) while synthesis and the local tests pass.
 */
function audiences(node: Node): string[] {
  const value: unknown = node.tryGetContext("apiAudience");
  const raw: unknown[] = Array.isArray(value) ? value : typeof value === "string" ? value.split(",") : [];
  const list = [...new Set(raw.filter((v): v is string => typeof v === "string").map((v) => v.trim()).filter(Boolean))];
  if (list.length === 0) {
    throw new InfraContextError(`CDK context "apiAudience" is required: pass -c apiAudience=... or set it in cdk.json.`);
  }
  if (!list.some((a) => GUID.test(a))) {
    throw new InfraContextError(
      `CDK context "apiAudience" must include the API's client id (a GUID): Entra ID v2 access tokens carry it as ` +
        `their audience. Pass both, e.g. -c apiAudience=api://actionplan-excel,<api-client-id>.`,
    );
  }
  return list;
}

/**
 * Normalizes an origin: CORS compares origins literally, so a trailing slash or path would
 * silently block the add-in.
 */
export function normalizeOrigin(raw: string): string {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new InfraContextError(`CDK context "addinOrigin" is not a URL: ${raw}`);
  }
  const localhost = url.hostname === "localhost" || url.hostname === "127.0.0.1";
  if (url.protocol !== "https:" && !(localhost && url.protocol === "http:")) {
    throw new InfraContextError(`CDK context "addinOrigin" must be https (Office add-ins are served over TLS): ${raw}`);
  }
  return url.origin;
}

/**
 * Reads and checks the deployment settings.
 *
 * @example
 * const settings = readSettings(app.node); // throws InfraContextError on a bad value
 */
export function readSettings(node: Node): InfraSettings {
  const tenantId = required(node, "tenantId");
  if (!TENANT.test(tenantId)) {
    throw new InfraContextError(`CDK context "tenantId" must be a directory GUID or a domain: ${tenantId}`);
  }
  const prefixValue: unknown = node.tryGetContext("prefix");
  const prefix = typeof prefixValue === "string" && prefixValue !== "" ? prefixValue : "ActionPlan";
  if (!PREFIX.test(prefix)) {
    throw new InfraContextError(`CDK context "prefix" must be letters, digits and dashes: ${prefix}`);
  }
  const origin = optional(node, "addinOrigin");
  const addinDomain = optional(node, "addinDomain")?.toLowerCase();
  if (addinDomain !== undefined && !DOMAIN.test(addinDomain))
    throw new InfraContextError(`CDK context "addinDomain" must be a host name such as addin.example.org: ${addinDomain}`);
  const addinCertificateArn = optional(node, "addinCertificateArn");
  if ((addinDomain === undefined) !== (addinCertificateArn === undefined))
    throw new InfraContextError(`CDK context "addinDomain" and "addinCertificateArn" go together: pass both or neither.`);
  if (addinCertificateArn !== undefined && !CLOUDFRONT_CERT.test(addinCertificateArn))
    throw new InfraContextError(
      `CDK context "addinCertificateArn" must be an ACM certificate ARN in us-east-1 (CloudFront uses only those): ${addinCertificateArn}`,
    );
  const alarmEmail = optional(node, "alarmEmail");
  if (alarmEmail !== undefined && !EMAIL.test(alarmEmail))
    throw new InfraContextError(`CDK context "alarmEmail" must be an e-mail address: ${alarmEmail}`);
  return {
    tenantId,
    apiAudiences: audiences(node),
    ...(origin !== undefined ? { addinOrigin: normalizeOrigin(origin) } : {}),
    prefix,
    ...(addinDomain !== undefined ? { addinDomain } : {}),
    ...(addinCertificateArn !== undefined ? { addinCertificateArn } : {}),
    ...(alarmEmail !== undefined ? { alarmEmail } : {}),
    releaseDir: optional(node, "releaseDir") ?? "release",
  };
}

/** The Entra ID v2 token issuer of a tenant. */
export function entraIssuer(tenantId: string): string {
  return `https://login.microsoftonline.com/${tenantId}/v2.0`;
}

/** Where the tenant's token-signing keys are published. */
export function entraJwksUri(tenantId: string): string {
  return `https://login.microsoftonline.com/${tenantId}/discovery/v2.0/keys`;
}
