/**
 * The local HTTP adapter: node:http → API Gateway v2 event → the same handlers the Lambdas run.
 * 5 MB body limit (413 before the handler), CORS for the add-in's dev origin. Dev and test only.
 */
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from "aws-lambda";
import { MAX_BODY_BYTES } from "#core/sync/protocol.ts";
import { HttpError, PayloadTooLargeError } from "../http/errors.ts";
import type { ApiHandler } from "../http/handler.ts";
import { WORKBOOK_ROUTES } from "../nightly/workbook-routes.ts";
import { matchPath, ROUTES } from "../routes.ts";
import { loadHandler } from "./handlers.ts";

/** Every route the deployed HTTP API has (infra/routes.ts builds it from the same two tables). */
const API_ROUTES = [...ROUTES, ...WORKBOOK_ROUTES];

export interface ApiServer {
  url: string;
  port: number;
  stop(): Promise<void>;
}

export interface ApiServerOptions {
  port?: number;
  /** Origins allowed to call from a browser (the add-in dev server, e.g. https://localhost:3000). */
  corsOrigins?: string[];
}

export async function startApiServer(options: ApiServerOptions = {}): Promise<ApiServer> {
  const handlers = new Map<string, ApiHandler>();
  for (const route of API_ROUTES)
    if (!handlers.has(route.name)) handlers.set(route.name, await loadHandler(route.name));
  const cors = new Set(options.corsOrigins ?? []);
  const server = createServer((req, res) => {
    serve(req, res, handlers, cors).catch(() => {
      if (!res.headersSent) send(res, errorResult(new HttpError(500, "internal")));
      else res.destroy();
    });
  });
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, "127.0.0.1", resolve));
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    stop: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

async function serve(
  req: IncomingMessage,
  res: ServerResponse,
  handlers: Map<string, ApiHandler>,
  cors: Set<string>,
): Promise<void> {
  const origin = req.headers.origin;
  const corsHeaders: Record<string, string> =
    origin && cors.has(origin)
      ? {
          "access-control-allow-origin": origin,
          "access-control-expose-headers": "x-correlation-id,retry-after",
          vary: "origin",
        }
      : {};
  // Not `new URL(req.url, base)`: a request target of "//" or "//host/x" reads as a
  // scheme-relative URL there, which throws (a 500) or names another host. Prefixing the origin
  // keeps any target a path; one that still does not parse is a 404 like any unknown route.
  const url = requestUrl(req.url);
  if (url === undefined) {
    send(res, errorResult(new HttpError(404, "route.not-found")), corsHeaders);
    req.resume();
    return;
  }
  const method = (req.method ?? "GET").toUpperCase();
  if (method === "OPTIONS") {
    res.writeHead(204, {
      ...corsHeaders,
      "access-control-allow-methods": "GET,POST,PUT,DELETE,OPTIONS",
      "access-control-allow-headers": "authorization,content-type,accept-language,x-correlation-id",
      "access-control-max-age": "600",
    });
    res.end();
    return;
  }
  const matches = API_ROUTES.map((r) => ({ route: r, params: matchPath(r.path, url.pathname) })).filter(
    (m) => m.params,
  );
  const match = matches.find((m) => m.route.method === method);
  if (!match?.params) {
    send(
      res,
      errorResult(
        new HttpError(
          matches.length > 0 ? 405 : 404,
          matches.length > 0 ? "method.not-allowed" : "route.not-found",
        ),
      ),
      corsHeaders,
    );
    req.resume();
    return;
  }
  const body = await readBody(req);
  if (body === undefined) {
    send(res, errorResult(new PayloadTooLargeError()), { ...corsHeaders, connection: "close" });
    return;
  }
  const handler = handlers.get(match.route.name) as ApiHandler;
  const result = await handler(toEvent(req, url, method, match.route.path, match.params, body));
  send(res, result, corsHeaders);
}

/** The request target as a URL on this server, or undefined when it cannot be one. */
function requestUrl(target: string | undefined): URL | undefined {
  const path = target ?? "/";
  try {
    return new URL(`http://localhost${path.startsWith("/") ? path : `/${path}`}`);
  } catch {
    return undefined;
  }
}

/** The body, or undefined once it passes 5 MB (the rest is drained, not buffered). */
function readBody(req: IncomingMessage): Promise<Buffer | undefined> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let over = false;
    req.on("data", (c: Buffer) => {
      size += c.length;
      if (size > MAX_BODY_BYTES) over = true;
      else chunks.push(c);
    });
    req.on("end", () => resolve(over ? undefined : Buffer.concat(chunks)));
    req.on("error", reject);
  });
}

function toEvent(
  req: IncomingMessage,
  url: URL,
  method: string,
  routePath: string,
  params: Record<string, string>,
  body: Buffer,
): APIGatewayProxyEventV2 {
  const headers: Record<string, string> = {};
  for (const [k, v] of Object.entries(req.headers))
    if (v !== undefined) headers[k] = Array.isArray(v) ? v.join(",") : v;
  const query: Record<string, string> = {};
  for (const [k, v] of url.searchParams) query[k] = query[k] === undefined ? v : `${query[k]},${v}`;
  const now = Date.now();
  const requestId = crypto.randomUUID();
  return {
    version: "2.0",
    routeKey: `${method} ${routePath}`,
    rawPath: url.pathname,
    rawQueryString: url.search.slice(1),
    headers,
    queryStringParameters: Object.keys(query).length > 0 ? query : undefined,
    pathParameters: params,
    requestContext: {
      accountId: "local",
      apiId: "local",
      domainName: "127.0.0.1",
      domainPrefix: "127",
      http: {
        method,
        path: url.pathname,
        protocol: "HTTP/1.1",
        sourceIp: req.socket.remoteAddress ?? "",
        userAgent: headers["user-agent"] ?? "",
      },
      requestId,
      routeKey: `${method} ${routePath}`,
      stage: "$default",
      time: new Date(now).toISOString(),
      timeEpoch: now,
    },
    body: body.length > 0 ? body.toString("utf8") : undefined,
    isBase64Encoded: false,
  } as APIGatewayProxyEventV2;
}

function errorResult(error: HttpError): APIGatewayProxyStructuredResultV2 {
  return {
    statusCode: error.statusCode,
    headers: { "content-type": "application/json; charset=utf-8" },
    body: JSON.stringify(error.toJSON()),
  };
}

function send(
  res: ServerResponse,
  result: APIGatewayProxyStructuredResultV2,
  extra: Record<string, string> = {},
): void {
  const headers: Record<string, string> = { ...extra };
  for (const [k, v] of Object.entries(result.headers ?? {})) headers[k] = String(v);
  res.writeHead(result.statusCode ?? 200, headers);
  res.end(result.isBase64Encoded ? Buffer.from(result.body ?? "", "base64") : (result.body ?? ""));
}
