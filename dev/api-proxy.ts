/**
 * The API under the add-in's own origin, for the task pane inside Excel: `https://localhost:3000/api/…`
 * is forwarded to the local API (no CORS, no mixed content in Office's web view), and
 * `GET /api/dev/token?user=<oid>` mints a dev token with the local issuer, the endpoint the task
 * pane's dev token source asks when no Entra app is configured (addin/auth/dev-token.ts).
 * Dev only: it exists only inside `npm start`.
 */
import { request, type IncomingMessage, type ServerResponse } from "node:http";

/** Where `/api` goes. */
export interface ApiRoute {
  /** The local API's base URL (http://127.0.0.1:<port>). */
  target: string;
  /** Mints a dev token for a user id. */
  mintToken(user: string): Promise<string>;
}

/** The path prefix of the proxied API. */
export const API_PREFIX = "/api";

const TOKEN_PATH = "/dev/token";
const TOKEN_HOURS = 12;
/** Hop-by-hop headers a proxy must not forward. */
const HOP = new Set(["connection", "keep-alive", "proxy-connection", "transfer-encoding", "upgrade", "host"]);

function json(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { "content-type": "application/json; charset=utf-8", "cache-control": "no-store" }).end(JSON.stringify(body));
}

/** Handles a request under /api; false when the URL is not under it. */
export function handleApi(req: IncomingMessage, res: ServerResponse, route: ApiRoute): boolean {
  const url = new URL(req.url ?? "/", "http://x");
  if (url.pathname !== API_PREFIX && !url.pathname.startsWith(`${API_PREFIX}/`)) return false;
  const path = url.pathname.slice(API_PREFIX.length) || "/";
  if (path === TOKEN_PATH) {
    const user = url.searchParams.get("user")?.trim() ?? "";
    if (req.method !== "GET") json(res, 405, { error: "method.not-allowed" });
    else if (!/^[\w.@-]{1,128}$/.test(user)) json(res, 400, { error: "user.invalid" });
    else
      route.mintToken(user).then(
        (token) => json(res, 200, { token, expiresAt: new Date(Date.now() + TOKEN_HOURS * 3600_000).toISOString() }),
        () => json(res, 500, { error: "internal" }),
      );
    return true;
  }
  const headers: Record<string, string | string[]> = {};
  for (const [k, v] of Object.entries(req.headers)) if (v !== undefined && !HOP.has(k)) headers[k] = v;
  const target = new URL(route.target);
  const upstream = request(
    { host: target.hostname, port: target.port, method: req.method, path: `${path}${url.search}`, headers },
    (reply) => {
      const out: Record<string, string | string[]> = {};
      for (const [k, v] of Object.entries(reply.headers)) if (v !== undefined && !HOP.has(k)) out[k] = v;
      res.writeHead(reply.statusCode ?? 502, out);
      reply.pipe(res);
    },
  );
  // The API is down (stopping): a typed 502, never a hung request.
  upstream.on("error", () => (res.headersSent ? res.destroy() : json(res, 502, { error: "api.unreachable" })));
  req.pipe(upstream);
  return true;
}

/**
 * The task pane page with the dev defaults filled in: the API under this origin and the dev user,
 * unless the build configured them (a deployment build sets an API URL or an Entra client id).
 */
export function withDevDefaults(html: string, apiUrl: string, devUser: string): string {
  const attr = (v: string) => v.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;");
  if (/<meta name="actionplan:client-id" content="[^"]+"/.test(html)) return html;
  // Replacer functions, not strings: "$&" and friends in a value must stay literal.
  let out = html.replace(/<meta name="actionplan:api-url" content=""\s*\/?>/, () => `<meta name="actionplan:api-url" content="${attr(apiUrl)}" />`);
  if (!out.includes('name="actionplan:dev-user"')) out = out.replace("</head>", () => `  <meta name="actionplan:dev-user" content="${attr(devUser)}" />\n  </head>`);
  return out;
}
