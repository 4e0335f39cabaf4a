/**
 * The add-in dev server: serves `dist/` read-only over HTTPS (or HTTP as a last resort) on
 * localhost, with the content types Office and the browser need. No directory listing, no path
 * escapes, `/` is the preview page. With `api`, `/api/…` is the local API under this origin and
 * taskpane.html gets the dev defaults (api-proxy.ts).
 */
import { createServer as createHttpServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { createServer as createHttpsServer } from "node:https";
import { readFile } from "node:fs/promises";
import { extname, normalize, resolve, sep } from "node:path";
import { API_PREFIX, handleApi, withDevDefaults, type ApiRoute } from "./api-proxy.ts";
import type { DevTls } from "./certs.ts";

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".png": "image/png",
  ".svg": "image/svg+xml",
  ".xml": "application/xml; charset=utf-8",
  ".map": "application/json; charset=utf-8",
};

export interface DevServer {
  url: string;
  stop(): Promise<void>;
}

interface Served {
  root: string;
  api?: ApiRoute & { devUser: string; origin: string };
}

function handler({ root, api }: Served) {
  return (req: IncomingMessage, res: ServerResponse): void => {
    if (api && handleApi(req, res, api)) return;
    let path: string;
    try {
      path = normalize(decodeURIComponent(new URL(req.url ?? "/", "http://x").pathname)).replace(/^([/\\])+/, "");
    } catch {
      res.writeHead(400).end();
      return;
    }
    const file = resolve(root, path || "preview.html");
    if (file !== root && !file.startsWith(root + sep)) {
      res.writeHead(403).end();
      return;
    }
    const taskpane = api !== undefined && path === "taskpane.html";
    readFile(file).then(
      // no-store: a rebuilt dist/ must show on the next reload inside Excel's web view.
      (body) =>
        res
          .writeHead(200, { "content-type": TYPES[extname(file)] ?? "application/octet-stream", "cache-control": "no-store" })
          .end(taskpane ? withDevDefaults(body.toString("utf8"), `${api.origin}${API_PREFIX}`, api.devUser) : body),
      () => res.writeHead(404, { "content-type": "text/plain; charset=utf-8" }).end("not found"),
    );
  };
}

/** Listens on `port` on 127.0.0.1 (browsers reach it as localhost); rejects with the listen error (e.g. EADDRINUSE). */
export async function startDevServer(options: { root: string; port: number; tls: DevTls; api?: ApiRoute & { devUser: string } }): Promise<DevServer> {
  const tls = options.tls;
  const origin = `${tls.kind === "http" ? "http" : "https"}://localhost:${options.port}`;
  const served: Served = { root: resolve(options.root), ...(options.api ? { api: { ...options.api, origin } } : {}) };
  const server: Server = tls.kind === "http" ? createHttpServer(handler(served)) : createHttpsServer({ cert: tls.cert, key: tls.key }, handler(served));
  await new Promise<void>((ok, fail) => {
    server.once("error", fail);
    server.listen(options.port, "127.0.0.1", () => {
      server.off("error", fail);
      ok();
    });
  });
  return {
    url: origin,
    stop: () =>
      new Promise<void>((ok) => {
        server.close(() => ok());
        server.closeAllConnections();
      }),
  };
}
