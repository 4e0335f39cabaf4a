/** A minimal HTTP client for the sync API in tests: real fetch over loopback, bodies typed by the protocol. */
import { apiPaths, type ChangesResponse, type PushRequest, type PushRow } from "#core/sync/protocol.ts";

export interface ApiReply<T = unknown> {
  status: number;
  body: T;
  headers: Headers;
}

export async function call<T = unknown>(
  base: string,
  method: string,
  path: string,
  options: {
    token?: string;
    body?: unknown;
    rawBody?: string | Uint8Array<ArrayBuffer>;
    headers?: Record<string, string>;
  } = {},
): Promise<ApiReply<T>> {
  const headers: Record<string, string> = { ...options.headers };
  if (options.token) headers["authorization"] = `Bearer ${options.token}`;
  let body: string | Uint8Array<ArrayBuffer> | undefined = options.rawBody as
    string | Uint8Array<ArrayBuffer> | undefined;
  if (options.body !== undefined) {
    body = JSON.stringify(options.body);
    headers["content-type"] = "application/json";
  }
  const res = await fetch(`${base}${path}`, { method, headers, ...(body === undefined ? {} : { body }) });
  const text = await res.text();
  let parsed: unknown = text;
  try {
    parsed = text ? JSON.parse(text) : undefined;
  } catch {
    // not JSON: keep the text
  }
  return { status: res.status, body: parsed as T, headers: res.headers };
}

let counter = 0;

/** A fresh idempotency key. */
export const newKey = (): string => `test-${process.pid}-${Date.now()}-${++counter}`;

/** A push request of rows. */
export function pushBody(
  rows: PushRow[],
  idempotencyKey = newKey(),
  source: PushRequest["source"] = "cli",
): PushRequest {
  return { idempotencyKey, source, rows };
}

/** Pulls from a cursor until hasMore is false; returns every change and the last cursor. */
export async function pullAll(
  base: string,
  plan: string,
  token: string,
  since?: string,
  limit?: number,
): Promise<ChangesResponse> {
  const changes: ChangesResponse["changes"] = [];
  let cursor = since;
  for (;;) {
    const path = apiPaths.changes(plan, cursor) + (limit ? `${cursor ? "&" : "?"}limit=${limit}` : "");
    const reply = await call<ChangesResponse>(base, "GET", path, { token });
    if (reply.status !== 200) throw new Error(`pull failed: ${reply.status} ${JSON.stringify(reply.body)}`);
    changes.push(...reply.body.changes);
    cursor = reply.body.cursor;
    if (!reply.body.hasMore) return { changes, cursor, hasMore: false };
  }
}
