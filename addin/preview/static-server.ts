/**
 * A tiny read-only static server for the built pages (the preview page in tests, the bench and
 * by hand). Loopback only, no directory listing, no path escapes. Dev and test only.
 */
import { createServer } from "node:http";
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { readFile } from "node:fs/promises";
import { resolve } from "node:path";
import { contentType, resolveStaticPath } from "./static-files.ts";

export interface StaticServer {
  url: string;
  stop(): Promise<void>;
}

/** Serves `dir` on 127.0.0.1 (`port` 0 = any free port); "/" is the preview page. */
export async function serveStatic(dir: string, port = 0): Promise<StaticServer> {
  const root = resolve(dir);
  const server: Server = createServer((req, res) => {
    const target = resolveStaticPath(root, req.url);
    if ("status" in target) {
      res.writeHead(target.status).end();
      return;
    }
    const { file } = target;
    readFile(file).then(
      (body) =>
        res.writeHead(200, { "content-type": contentType(file) }).end(body),
      () => res.writeHead(404).end(),
    );
  });
  await new Promise<void>((r) => server.listen(port, "127.0.0.1", r));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    stop: () =>
      new Promise<void>((r) => {
        server.close(() => r());
        server.closeAllConnections();
      }),
  };
}
