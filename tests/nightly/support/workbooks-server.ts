/**
 * Serves the workbook-registration routes over loopback HTTP by turning each request into an
 * API Gateway v2 event for the real Lambda handler (the sync service's local server only
 * dispatches its own route table).
 */
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import type { APIGatewayProxyEventV2 } from "aws-lambda";
import { matchPath } from "#functions/routes.ts";
import { WORKBOOK_ROUTES } from "#functions/nightly/workbook-routes.ts";
import { handler } from "#functions/nightly/workbooks-handler.ts";

export interface WorkbooksServer {
  readonly url: string;
  stop(): Promise<void>;
}

export async function startWorkbooksServer(): Promise<WorkbooksServer> {
  const server = createServer((req, res) => {
    let body = "";
    req.on("data", (chunk: Buffer) => (body += chunk.toString("utf8")));
    req.on("end", async () => {
      const url = new URL(req.url ?? "/", "http://127.0.0.1");
      const method = (req.method ?? "GET").toUpperCase();
      const route = WORKBOOK_ROUTES.find((r) => r.method === method && matchPath(r.path, url.pathname));
      if (!route) return void res.writeHead(404).end();
      const headers: Record<string, string> = {};
      for (const [k, v] of Object.entries(req.headers)) if (typeof v === "string") headers[k] = v;
      const event = {
        version: "2.0",
        routeKey: `${method} ${route.path}`,
        rawPath: url.pathname,
        rawQueryString: "",
        headers,
        pathParameters: matchPath(route.path, url.pathname),
        requestContext: { http: { method, path: url.pathname }, requestId: crypto.randomUUID(), routeKey: `${method} ${route.path}`, stage: "$default" },
        body: body || undefined,
        isBase64Encoded: false,
      } as unknown as APIGatewayProxyEventV2;
      const result = await handler(event);
      res.writeHead(result.statusCode ?? 200, Object.fromEntries(Object.entries(result.headers ?? {}).map(([k, v]) => [k, String(v)])));
      res.end(result.body ?? "");
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    stop: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
