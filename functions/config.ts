/**
 * The functions' configuration, read from the environment once (on first use, not at import:
 * tests and the local stack set the environment before the first request).
 */

export interface FunctionsConfig {
  tableName: string;
  region: string;
  /** DynamoDB endpoint override (DynamoDB Local); undefined in AWS. */
  dynamoEndpoint: string | undefined;
  /** SDK attempts per call (the SDK retries throttling, 5xx and dropped connections). */
  sdkMaxAttempts: number;
  /** Transactions in flight per push. */
  writeParallelism: number;
  /** See functions/store/dynamo/changes.ts. */
  gapTimeoutMs: number;
  /** See functions/store/dynamo/idempotency.ts. */
  idempotencyLockMs: number;
  auth: {
    /** Accepted token issuer(s), e.g. https://login.microsoftonline.com/<tenant>/v2.0. */
    issuers: string[];
    /**
     * Accepted token audiences (ACTIONPLAN_AUTH_AUDIENCE, a comma list): the API's Application ID
     * URI and its client id GUID — Entra ID v2 access tokens carry the GUID.
     */
    audiences: string[];
    jwksUri: string;
  };
  /** Origins allowed by CORS (the add-in's origin). */
  corsOrigins: string[];
}

/**
 * A sequence number unwritten this long after a later one was allocated is fenced by pullers.
 * Writers allocate numbers per transaction just before sending it, so a live writer's number is
 * this old only when one transaction is stuck this long (it then takes a new number); a dead
 * writer's gap stops pulls for at most this long.
 */
export const DEFAULT_GAP_TIMEOUT_MS = 5_000;
/**
 * A push's idempotency claim is a lease this long, renewed by the running push every third of
 * it (functions/sync/push.ts): a writer that died is taken over by its client's retry within
 * this, which the clients' retry budget (core/sync/send-chunks.ts, 30 s) covers.
 */
export const DEFAULT_IDEMPOTENCY_LEASE_MS = 10_000;

let cached: FunctionsConfig | undefined;

/** The configuration (memoised). */
export function config(): FunctionsConfig {
  cached ??= readConfig(process.env);
  return cached;
}

/** Forget the memoised configuration (the local stack and tests change the environment). */
export function resetConfig(): void {
  cached = undefined;
}

/** Builds the configuration from an environment. */
export function readConfig(env: NodeJS.ProcessEnv): FunctionsConfig {
  const list = (v: string | undefined): string[] =>
    (v ?? "")
      .split(",")
      .map((s) => s.trim())
      .filter(Boolean);
  const int = (v: string | undefined, fallback: number): number => {
    const n = Number(v);
    return Number.isInteger(n) && n > 0 ? n : fallback;
  };
  return {
    tableName: env["ACTIONPLAN_TABLE"] ?? "actionplan",
    region: env["AWS_REGION"] ?? "eu-south-1",
    dynamoEndpoint: env["ACTIONPLAN_DYNAMODB_ENDPOINT"] || undefined,
    sdkMaxAttempts: int(env["ACTIONPLAN_SDK_MAX_ATTEMPTS"], 5),
    writeParallelism: int(env["ACTIONPLAN_WRITE_PARALLELISM"], 8),
    gapTimeoutMs: int(env["ACTIONPLAN_GAP_TIMEOUT_MS"], DEFAULT_GAP_TIMEOUT_MS),
    idempotencyLockMs: int(env["ACTIONPLAN_IDEMPOTENCY_LOCK_MS"], DEFAULT_IDEMPOTENCY_LEASE_MS),
    auth: authSettings(env, list),
    corsOrigins: list(env["ACTIONPLAN_CORS_ORIGINS"]),
  };
}

/**
 * true when `url` is a loopback address over plain http: the dev issuer's shape. The URL is
 * parsed (WHATWG, as fetch and jose read it) and its host compared as an address, so every
 * spelling of 127.0.0.0/8 counts — `127.0.0.2`, `127.1` and `2130706433` (the parser normalises
 * both to dotted form), `[::1]` — and nothing else does: `0.0.0.0` (any interface, not loopback),
 * `localhost` and `localhost.` (names: resolved by DNS, which may say anything),
 * `[::ffff:127.0.0.1]` (an IPv4-mapped address, refused to keep the rule to the two ranges).
 * Exported for its table test.
 */
export function isLoopbackHttp(url: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (parsed.protocol !== "http:") return false;
  const host = parsed.hostname;
  return host === "[::1]" || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host);
}

/**
 * Token settings. Issuers and the JWKS must be https; a loopback http one (the dev issuer) is
 * honoured only with ACTIONPLAN_DEV_ISSUER=1, which the CDK stack never sets: a deployed function cannot be
 * pointed at a dev key by a stray variable. Without usable settings every token is refused.
 */
function authSettings(
  env: NodeJS.ProcessEnv,
  list: (v: string | undefined) => string[],
): FunctionsConfig["auth"] {
  const issuers = list(env["ACTIONPLAN_AUTH_ISSUERS"]);
  const dev = env["ACTIONPLAN_DEV_ISSUER"] === "1";
  const jwksUri = env["ACTIONPLAN_AUTH_JWKS_URI"] ?? "";
  // Plain http is accepted only for a loopback issuer with the dev switch on; everything else
  // must be https (an http issuer or JWKS could be answered by anyone on the path).
  const allowed = (url: string): boolean => (dev && isLoopbackHttp(url)) || isHttps(url);
  return {
    issuers: issuers.filter(allowed),
    audiences: list(env["ACTIONPLAN_AUTH_AUDIENCE"]),
    jwksUri: allowed(jwksUri) ? jwksUri : "",
  };
}

function isHttps(url: string): boolean {
  try {
    return new URL(url).protocol === "https:";
  } catch {
    return false;
  }
}
