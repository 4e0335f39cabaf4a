/**
 * HTTPS on loopback for the release browser test: a self-signed certificate (openssl) for the
 * test's host names, a static server for a release folder sending the hosting stack's security
 * headers (the production CSP included), and an HTTPS front for the local HTTP API.
 */
import { spawnSync } from "node:child_process";
import { readFile } from "node:fs/promises";
import { createServer, type Server } from "node:https";
import { request as httpRequest } from "node:http";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { extname, join, normalize } from "node:path";
import type { AddressInfo } from "node:net";

/** A PEM key and certificate valid for `hosts`. */
export function selfSignedCertificate(hosts: readonly string[]): { key: string; cert: string } {
  const dir = mkdtempSync(join(tmpdir(), "actionplan-cert-"));
  const run = spawnSync(
    "openssl",
    ["req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj", `/CN=${hosts[0] ?? "test"}`,
      "-addext", `subjectAltName=${hosts.map((h) => `DNS:${h}`).join(",")}`,
      "-keyout", join(dir, "key.pem"), "-out", join(dir, "cert.pem")],
    { encoding: "utf8" },
  );
  if (run.status !== 0) throw new Error(`openssl failed: ${run.stderr}`);
  return { key: readFileSync(join(dir, "key.pem"), "utf8"), cert: readFileSync(join(dir, "cert.pem"), "utf8") };
}

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".json": "application/json",
  ".xml": "application/xml",
  ".png": "image/png",
};

/** A listening HTTPS server and its port. */
export interface HttpsSite {
  readonly port: number;
  /** Requests served, as "METHOD path". */
  readonly requests: string[];
  stop(): Promise<void>;
}

async function listen(server: Server, requests: string[]): Promise<HttpsSite> {
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    port: (server.address() as AddressInfo).port,
    requests,
    stop: () => new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}

/** Serves the files of `root()` (read per request: the folder is built after the port is known). */
export function serveRelease(tls: { key: string; cert: string }, root: () => string, headers: () => Record<string, string>): Promise<HttpsSite> {
  const requests: string[] = [];
  const server = createServer(tls, (req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? "/", "https://x").pathname);
    requests.push(`${req.method ?? "GET"} ${path}`);
    const file = normalize(join(root(), path));
    if (!file.startsWith(root())) return void res.writeHead(403).end();
    readFile(file).then(
      (body) => res.writeHead(200, { "content-type": TYPES[extname(file)] ?? "application/octet-stream", ...headers() }).end(body),
      () => res.writeHead(404, headers()).end(),
    );
  });
  return listen(server, requests);
}

/** Forwards every request to the HTTP API at `target()` (as API Gateway fronts the Lambdas). */
export function httpsFront(tls: { key: string; cert: string }, target: () => string): Promise<HttpsSite> {
  const requests: string[] = [];
  const server = createServer(tls, (req, res) => {
    requests.push(`${req.method ?? "GET"} ${req.url ?? "/"}`);
    const upstream = new URL(req.url ?? "/", target());
    const forward = httpRequest(upstream, { method: req.method, headers: { ...req.headers, host: upstream.host } }, (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    });
    forward.on("error", () => res.writeHead(502).end());
    req.pipe(forward);
  });
  return listen(server, requests);
}
