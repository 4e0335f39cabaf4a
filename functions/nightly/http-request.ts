/**
 * A small HTTP(S) client on node:http/https. The nightly job's two HTTP peers (the Entra ID token
 * endpoint, and Microsoft Graph) share it so both can be given the same TLS agent:
 * in production the default one; in tests one that trusts the fake servers' certificate.
 */
import { request as httpRequest } from "node:http";
import type { IncomingHttpHeaders } from "node:http";
import { request as httpsRequest } from "node:https";
import type { Agent as HttpsAgent } from "node:https";

/** A finished response: status, lower-case headers (first value of each) and the whole body. */
export interface HttpResponse {
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: Buffer;
}

/** Options of one request. */
export interface HttpRequestOptions {
  readonly method?: "GET" | "POST";
  readonly headers?: Readonly<Record<string, string>>;
  readonly body?: string;
  /** Agent for https: URLs (custom CA, keep-alive); plain http: URLs use the default agent. */
  readonly agent?: HttpsAgent;
  /** @default 60 000 ms */
  readonly timeoutMs?: number;
  /** Refuse bodies above this size. */
  readonly maxBytes?: number;
}

/** The body went past `maxBytes`. */
export class ResponseTooLargeError extends Error {
  override readonly name = "ResponseTooLargeError";
}

function flatten(headers: IncomingHttpHeaders): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value !== undefined) out[name.toLowerCase()] = Array.isArray(value) ? (value[0] ?? "") : value;
  }
  return out;
}

/**
 * Sends one request and reads the whole response.
 *
 * @example const res = await sendRequest("https://graph.microsoft.com/v1.0/me", { headers: { authorization: "Bearer …" } });
 */
export function sendRequest(url: string, options: HttpRequestOptions = {}): Promise<HttpResponse> {
  const target = new URL(url);
  const send = target.protocol === "https:" ? httpsRequest : httpRequest;
  const body = options.body === undefined ? undefined : Buffer.from(options.body, "utf8");
  return new Promise((resolve, reject) => {
    const req = send(
      target,
      {
        method: options.method ?? "GET",
        headers: { ...options.headers, ...(body ? { "content-length": String(body.length) } : {}) },
        ...(options.agent && target.protocol === "https:" ? { agent: options.agent } : {}),
        timeout: options.timeoutMs ?? 60_000,
      },
      (res) => {
        const chunks: Buffer[] = [];
        let size = 0;
        res.on("data", (chunk: Buffer) => {
          size += chunk.length;
          if (options.maxBytes !== undefined && size > options.maxBytes) {
            req.destroy(new ResponseTooLargeError(`response larger than ${options.maxBytes} bytes`));
            return;
          }
          chunks.push(chunk);
        });
        res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: flatten(res.headers), body: Buffer.concat(chunks) }));
        res.on("error", reject);
      },
    );
    req.on("timeout", () => req.destroy(new Error(`request to ${target.host} timed out`)));
    req.on("error", reject);
    req.end(body);
  });
}
