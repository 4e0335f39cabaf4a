/**
 * A fake Microsoft identity platform + Graph on loopback (real HTTP, node:http/https):
 * - https: the tenant's token endpoint (client credentials only);
 * - https: `GET /v1.0/drives/{drive}/items/{item}/content`, which checks the bearer token,
 *   answers 304 to a matching If-None-Match and otherwise redirects, as Graph does, to a
 *   pre-authenticated download URL on another origin;
 * - http: that download origin, which records whether anyone sent it a bearer token.
 * Scripted faults (429/503 with Retry-After, 403, 404) come before the normal answer.
 */
import { createServer as createHttpServer } from "node:http";
import type { IncomingMessage, Server, ServerResponse } from "node:http";
import { createServer as createHttpsServer } from "node:https";
import type { AddressInfo } from "node:net";
import type { TestCertificate } from "./tls.ts";

export interface FakeFile {
  content: Buffer;
  eTag: string;
}

export interface Fault {
  status: number;
  retryAfter?: string;
}

export interface RequestRecord {
  path: string;
  ifNoneMatch?: string;
  authorization?: string;
  status: number;
}

export interface FakeGraph {
  /** `https://127.0.0.1:<port>/<tenant>`: the token endpoint is under it. */
  readonly authority: string;
  /** `127.0.0.1:<port>`. */
  readonly host: string;
  /** `https://127.0.0.1:<port>/v1.0`. */
  readonly graphBaseUrl: string;
  readonly tenantId: string;
  readonly clientId: string;
  readonly clientSecret: string;
  /** Sets (or replaces) a drive item. */
  putFile(driveId: string, itemId: string, file: FakeFile): void;
  /** Queues faults for the next content requests of an item. */
  fail(driveId: string, itemId: string, ...faults: Fault[]): void;
  readonly contentRequests: RequestRecord[];
  readonly downloads: RequestRecord[];
  readonly tokenRequests: number;
  stop(): Promise<void>;
}

function listen(server: Server): Promise<number> {
  return new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve((server.address() as AddressInfo).port)));
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve) => {
    let body = "";
    req.on("data", (chunk: Buffer) => (body += chunk.toString("utf8")));
    req.on("end", () => resolve(body));
  });
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { "content-type": "application/json" }).end(JSON.stringify(body));
}

export async function startFakeGraph(tls: TestCertificate): Promise<FakeGraph> {
  const tenantId = "7d1b6a42-0c1e-4e0e-9a8a-3f4b5c6d7e8f";
  const clientId = "nightly-app-id";
  const clientSecret = "nightly-secret";
  const files = new Map<string, FakeFile>();
  const faults = new Map<string, Fault[]>();
  const issued = new Set<string>();
  const contentRequests: RequestRecord[] = [];
  const downloads: RequestRecord[] = [];
  let tokenRequests = 0;
  let downloadOrigin = "";

  const download = createHttpServer((req, res) => {
    const key = decodeURIComponent((req.url ?? "").replace(/^\/download\//, ""));
    const file = files.get(key);
    const record: RequestRecord = { path: req.url ?? "", status: file ? 200 : 404, ...(req.headers.authorization ? { authorization: req.headers.authorization } : {}) };
    downloads.push(record);
    if (!file) return void res.writeHead(404).end();
    res.writeHead(200, { "content-type": "application/octet-stream", etag: file.eTag }).end(file.content);
  });
  const downloadPort = await listen(download);
  downloadOrigin = `http://127.0.0.1:${downloadPort}`;

  let origin = "";
  const api = createHttpsServer({ key: tls.key, cert: tls.cert }, async (req, res) => {
    const url = new URL(req.url ?? "/", origin);
    if (url.pathname === `/${tenantId}/oauth2/v2.0/token` && req.method === "POST") {
      tokenRequests++;
      const form = new URLSearchParams(await readBody(req));
      const ok =
        form.get("grant_type") === "client_credentials" &&
        form.get("client_id") === clientId &&
        form.get("client_secret") === clientSecret &&
        form.get("scope")?.includes("https://graph.microsoft.com/.default");
      if (!ok) return sendJson(res, 401, { error: "invalid_client", error_description: "bad client credentials" });
      const token = `graph-token-${tokenRequests}`;
      issued.add(token);
      return sendJson(res, 200, { token_type: "Bearer", expires_in: 3600, ext_expires_in: 3600, access_token: token });
    }
    const match = /^\/v1\.0\/drives\/([^/]+)\/items\/([^/]+)\/content$/.exec(url.pathname);
    if (match && req.method === "GET") {
      const key = `${decodeURIComponent(match[1] ?? "")}/${decodeURIComponent(match[2] ?? "")}`;
      const ifNoneMatch = req.headers["if-none-match"];
      const record = (status: number): void =>
        void contentRequests.push({ path: url.pathname, status, ...(ifNoneMatch ? { ifNoneMatch } : {}), ...(req.headers.authorization ? { authorization: req.headers.authorization } : {}) });
      const bearer = /^Bearer (.+)$/.exec(req.headers.authorization ?? "")?.[1];
      if (!bearer || !issued.has(bearer)) {
        record(401);
        return sendJson(res, 401, { error: { code: "InvalidAuthenticationToken" } });
      }
      const fault = faults.get(key)?.shift();
      if (fault) {
        record(fault.status);
        res.writeHead(fault.status, fault.retryAfter ? { "retry-after": fault.retryAfter } : {}).end();
        return;
      }
      const file = files.get(key);
      if (!file) {
        record(404);
        return sendJson(res, 404, { error: { code: "itemNotFound" } });
      }
      if (ifNoneMatch === file.eTag) {
        record(304);
        return void res.writeHead(304, { etag: file.eTag }).end();
      }
      record(302);
      return void res.writeHead(302, { location: `${downloadOrigin}/download/${encodeURIComponent(key)}` }).end();
    }
    sendJson(res, 404, { error: "unknown path" });
  });
  const port = await listen(api);
  origin = `https://127.0.0.1:${port}`;

  return {
    authority: `${origin}/${tenantId}`,
    host: `127.0.0.1:${port}`,
    graphBaseUrl: `${origin}/v1.0`,
    tenantId,
    clientId,
    clientSecret,
    putFile: (driveId, itemId, file) => void files.set(`${driveId}/${itemId}`, file),
    fail: (driveId, itemId, ...list) => void faults.set(`${driveId}/${itemId}`, [...(faults.get(`${driveId}/${itemId}`) ?? []), ...list]),
    contentRequests,
    downloads,
    get tokenRequests() {
      return tokenRequests;
    },
    async stop() {
      api.closeAllConnections();
      download.closeAllConnections();
      await Promise.all([new Promise((r) => api.close(r)), new Promise((r) => download.close(r))]);
    },
  };
}
