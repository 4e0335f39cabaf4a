/**
 * The add-in dev server: serves `dist/` read-only over HTTPS (or HTTP as a last resort) on
 * localhost, with the content types Office and the browser need. No directory listing, no path
 * escapes, `/` is the preview page. With `api`, `/api/…` is the local API under this origin and
 * taskpane.html gets the dev defaults (api-proxy.ts).
 */
import { createServer as createHttpServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { createServer as createHttpsServer } from "node:https";
import { readFile } from "node:fs/promises";
import { resolve } from "node:path";
import { contentType, resolveStaticPath } from "#addin/preview/static-files.ts";
import { API_PREFIX, handleApi, withDevDefaults, type ApiRoute } from "./api-proxy.ts";
import type { DevTls } from "./certs.ts";

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
    const target = resolveStaticPath(root, req.url);
    if ("status" in target) {
      res.writeHead(target.status).end();
      return;
    }
    const { file, path } = target;
    const taskpane = api !== undefined && path === "taskpane.html";
    readFile(file).then(
      // no-store: a rebuilt dist/ must show on the next reload inside Excel's web view.
      (body) =>
        res
          .writeHead(200, { "content-type": contentType(file), "cache-control": "no-store" })
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
