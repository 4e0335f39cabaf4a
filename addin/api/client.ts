/**
 * The sync API client used by the task pane: one method per endpoint of `#core/sync/protocol.ts`,
 * responses validated with the protocol's zod schemas, failures as typed `ApiError`s.
 * The protocol module (and zod with it, ~110 KB gzip) is loaded on the first call, not with the
 * task pane: validating and the overview never need it, and the bundle budget is 300 KB.
 */
import type {
  AsOfRollupsResponse,
  ChangesResponse,
  HistoryResponse,
  MovementResponse,
  PushRequest,
  PushResponse,
  RestoreRequest,
  RollupsResponse,
  RowResult,
  RunsResponse,
} from "#core/sync/protocol.ts";
import type * as ProtocolModule from "#core/sync/protocol.ts";
import type { TokenSource } from "#addin/auth/token-source.ts";
import { retryAfterMs } from "#core/sync/retry-after.ts";
import { ApiError, kindForStatus } from "./errors.ts";

export interface ApiClient {
  push(plan: string, request: PushRequest): Promise<PushResponse>;
  changes(plan: string, since?: string): Promise<ChangesResponse>;
  history(plan: string, entity: string, key: string): Promise<HistoryResponse>;
  restore(plan: string, entity: string, key: string, request: RestoreRequest): Promise<RowResult>;
  runs(plan: string): Promise<RunsResponse>;
  rollups(plan: string): Promise<RollupsResponse>;
  /** The cloud's report of the plan as it stood at `asOf` (a date or zoned date-time). */
  rollupsAsOf(plan: string, asOf: string): Promise<AsOfRollupsResponse>;
  /** What moved between two moments (issue #17): projects changed, added, removed. */
  movement(plan: string, from: string, to?: string): Promise<MovementResponse>;
}

export interface ApiClientOptions {
  baseUrl: string;
  tokens: TokenSource;
  fetch?: typeof fetch;
}

type Protocol = typeof ProtocolModule;
let protocol: Promise<Protocol> | undefined;
/**
 * The protocol chunk, fetched once. Fetching it needs the network like any API call: a failure is
 * reported as offline and forgotten, so the next attempt fetches again.
 */
function loadProtocol(): Promise<Protocol> {
  protocol ??= import("#core/sync/protocol.ts").catch((cause: unknown) => {
    protocol = undefined;
    throw new ApiError("offline", 0, "the sync module could not be loaded", { cause });
  });
  return protocol;
}

interface Schema<T> {
  safeParse(v: unknown): { success: true; data: T } | { success: false };
}

/** Creates a client for the API at `baseUrl` (no trailing slash needed). */
export function createApiClient(options: ApiClientOptions): ApiClient {
  const base = options.baseUrl.replace(/\/+$/, "");
  const doFetch = options.fetch ?? ((input, init) => fetch(input, init));

  async function call<T>(
    method: "GET" | "POST",
    route: (p: Protocol) => [string, Schema<T>],
    body?: unknown,
  ): Promise<T> {
    const p = await loadProtocol();
    const [path, schema] = route(p);
    const token = await options.tokens.getToken();
    if (token === undefined) throw new ApiError("signed-out", 401, "not signed in");
    const headers: Record<string, string> = { authorization: `Bearer ${token}`, accept: "application/json" };
    if (body !== undefined) headers["content-type"] = "application/json";
    let res: Response;
    try {
      res = await doFetch(`${base}${path}`, {
        method,
        headers,
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
    } catch (cause) {
      throw new ApiError("offline", 0, "the server could not be reached", { cause });
    }
    let json: unknown;
    try {
      json = await res.json();
    } catch (cause) {
      json = undefined;
      if (res.ok) throw new ApiError("bad-response", res.status, "the response is not JSON", { cause });
    }
    if (!res.ok) {
      const parsed = p.ErrorBodySchema.safeParse(json);
      const errorBody = parsed.success ? parsed.data.error : undefined;
      throw new ApiError(kindForStatus(res.status), res.status, errorBody?.message ?? `HTTP ${res.status}`, {
        ...(errorBody ? { body: errorBody } : {}),
        retryAfterMs: retryAfterMs(res.headers.get("retry-after"), Date.now()),
      });
    }
    const parsed = schema.safeParse(json);
    if (!parsed.success)
      throw new ApiError("bad-response", res.status, "the response does not match the protocol");
    return parsed.data;
  }

  return {
    push: (plan, request) => call("POST", (p) => [p.apiPaths.sync(plan), p.PushResponseSchema], request),
    changes: (plan, since) => call("GET", (p) => [p.apiPaths.changes(plan, since), p.ChangesResponseSchema]),
    history: (plan, entity, key) =>
      call("GET", (p) => [p.apiPaths.history(plan, entity, key), p.HistoryResponseSchema]),
    restore: (plan, entity, key, request) =>
      call("POST", (p) => [p.apiPaths.restore(plan, entity, key), p.RowResultSchema], request),
    runs: (plan) => call("GET", (p) => [p.apiPaths.runs(plan), p.RunsResponseSchema]),
    rollups: (plan) => call("GET", (p) => [p.apiPaths.rollups(plan), p.RollupsResponseSchema]),
    rollupsAsOf: (plan, asOf) =>
      call("GET", (p) => [p.apiPaths.rollups(plan, asOf), p.AsOfRollupsResponseSchema]),
    movement: (plan, from, to) =>
      call("GET", (p) => [p.apiPaths.movement(plan, from, to), p.MovementResponseSchema]),
  };
}
