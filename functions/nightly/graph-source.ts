/**
 * Workbooks from SharePoint/OneDrive through Microsoft Graph:
 * `GET /drives/{drive-id}/items/{item-id}/content` with an app-only token.
 *
 * - `If-None-Match` with the last eTag: Graph answers 304 and nothing is downloaded.
 * - The content endpoint answers with a redirect to a pre-authenticated download URL; it is
 *   followed without the bearer token (the token is for Graph only).
 * - 429 and 503 are waited out as `Retry-After` says (other 5xx and dropped connections back off
 *   exponentially), a bounded number of times; then the file is reported as unavailable.
 */
import { createHash } from "node:crypto";
import type { Agent } from "node:https";
import { ResponseTooLargeError, sendRequest } from "./http-request.ts";
import type { HttpResponse } from "./http-request.ts";
import type { TokenProvider } from "./graph-token.ts";
import { backoffMs, retryAfterMs } from "#core/sync/retry-after.ts";
import type { FetchResult, GraphLocation, WorkbookSource } from "./workbook-source.ts";
import { MAX_WORKBOOK_BYTES, WorkbookFetchError } from "./workbook-source.ts";
import { problemOf, type FetchDetail } from "./fetch-detail.ts";

/** Settings of the Graph source. */
export interface GraphSourceOptions {
  readonly token: TokenProvider;
  /** @default https://graph.microsoft.com/v1.0 */
  readonly baseUrl?: string;
  /** TLS agent (keep-alive; a custom CA in tests). */
  readonly agent?: Agent;
  /** Attempts per file, the first included. @default 5 */
  readonly maxAttempts?: number;
  /** Longest single wait; a longer Retry-After gives up on the file for tonight. @default 120 000 */
  readonly maxWaitMs?: number;
  /** @default setTimeout */
  readonly sleep?: (ms: number) => Promise<void>;
}

const REDIRECTS = new Set([301, 302, 303, 307, 308]);
const THROTTLED = new Set([429, 503]);
const TRANSIENT = new Set([500, 502, 504]);
const MAX_REDIRECTS = 5;

const defaultSleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Reads drive items through Microsoft Graph. */
export class GraphWorkbookSource implements WorkbookSource<GraphLocation> {
  private readonly baseUrl: string;
  private readonly maxAttempts: number;
  private readonly maxWaitMs: number;
  private readonly sleep: (ms: number) => Promise<void>;

  constructor(private readonly options: GraphSourceOptions) {
    this.baseUrl = (options.baseUrl ?? "https://graph.microsoft.com/v1.0").replace(/\/+$/, "");
    this.maxAttempts = options.maxAttempts ?? 5;
    this.maxWaitMs = options.maxWaitMs ?? 120_000;
    this.sleep = options.sleep ?? defaultSleep;
  }

  async fetch(location: GraphLocation, lastETag: string | undefined): Promise<FetchResult> {
    const url = `${this.baseUrl}/drives/${encodeURIComponent(location.driveId)}/items/${encodeURIComponent(location.itemId)}/content`;
    const label = `${location.driveId}/${location.itemId}`;
    const res = await this.getWithRetries(url, label, async () => ({
      authorization: `Bearer ${await this.options.token()}`,
      ...(lastETag ? { "if-none-match": lastETag } : {}),
    }));
    if (res.status === 304) return { status: "unchanged" };
    // Without an ETag header the content hash stands in: equal bytes are still skipped.
    const eTag = res.headers["etag"] ?? `"sha256:${createHash("sha256").update(res.body).digest("hex")}"`;
    if (eTag === lastETag) return { status: "unchanged" };
    return { status: "fetched", content: res.body, eTag };
  }

  /** GET with redirects and retries; returns a 200 or 304, throws WorkbookFetchError otherwise. */
  private async getWithRetries(url: string, label: string, graphHeaders: () => Promise<Record<string, string>>): Promise<HttpResponse> {
    // Replaced by the first attempt's problem (maxAttempts ≥ 1); a dash if none ran.
    let lastProblem: FetchDetail | string = "—";
    for (let attempt = 0; attempt < this.maxAttempts; attempt++) {
      let res: HttpResponse;
      try {
        res = await this.follow(url, await graphHeaders());
      } catch (error) {
        if (error instanceof WorkbookFetchError) throw error;
        if (error instanceof ResponseTooLargeError) {
          throw new WorkbookFetchError("too-large", { key: "detail.response-too-large", params: { file: label, max: MAX_WORKBOOK_BYTES } }, { cause: error });
        }
        lastProblem = problemOf(error);
        await this.sleep(backoffMs(attempt, this.maxWaitMs));
        continue;
      }
      if (res.status === 200 || res.status === 304) return res;
      if (res.status === 404) throw new WorkbookFetchError("not-found", { key: "detail.not-found", params: { file: label } });
      if (res.status === 401 || res.status === 403) {
        throw new WorkbookFetchError("access-denied", { key: "detail.access-denied", params: { file: label, status: res.status } });
      }
      if (!THROTTLED.has(res.status) && !TRANSIENT.has(res.status)) {
        throw new WorkbookFetchError("unavailable", { key: "detail.http", params: { file: label, status: res.status } });
      }
      lastProblem = `HTTP ${res.status}`;
      if (attempt === this.maxAttempts - 1) break;
      const asked = THROTTLED.has(res.status) ? retryAfterMs(res.headers["retry-after"], Date.now()) : undefined;
      if (asked !== undefined && asked > this.maxWaitMs) {
        const seconds = Math.round(asked / 1000);
        throw new WorkbookFetchError("unavailable", { key: "detail.retry-after-too-long", params: { file: label, seconds }, problem: lastProblem });
      }
      await this.sleep(asked ?? backoffMs(attempt, this.maxWaitMs));
    }
    throw new WorkbookFetchError("unavailable", { key: "detail.gave-up", params: { file: label, attempts: this.maxAttempts }, problem: lastProblem });
  }

  /** One GET, following redirects; the bearer token only goes to the Graph origin. */
  private async follow(url: string, graphHeaders: Record<string, string>): Promise<HttpResponse> {
    const graphOrigin = new URL(this.baseUrl).origin;
    let current = url;
    for (let hop = 0; hop <= MAX_REDIRECTS; hop++) {
      const sameOrigin = new URL(current).origin === graphOrigin;
      const res = await sendRequest(current, {
        headers: sameOrigin ? graphHeaders : {},
        maxBytes: MAX_WORKBOOK_BYTES,
        ...(this.options.agent ? { agent: this.options.agent } : {}),
      });
      const location = res.headers["location"];
      if (!REDIRECTS.has(res.status) || !location) return res;
      current = new URL(location, current).toString();
    }
    throw new WorkbookFetchError("unavailable", { key: "detail.redirects", params: { url } });
  }
}
