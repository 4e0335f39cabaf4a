import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mkdtemp, mkdir, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { request } from "node:http";
import { serveStatic } from "#addin/preview/static-server.ts";
import type { StaticServer } from "#addin/preview/static-server.ts";

let site: StaticServer;

/** A raw GET (no URL normalisation by the client, so "../" reaches the server as sent). */
function get(path: string): Promise<{ status: number; type: string; body: string }> {
  const url = new URL(site.url);
  return new Promise((resolve, reject) => {
    const req = request({ host: url.hostname, port: url.port, path, method: "GET" }, (res) => {
      let body = "";
      res.on("data", (c: Buffer) => (body += c.toString()));
      res.on("end", () =>
        resolve({ status: res.statusCode ?? 0, type: String(res.headers["content-type"] ?? ""), body }),
      );
    });
    req.on("error", reject);
    req.end();
  });
}

beforeAll(async () => {
  const root = await mkdtemp(join(tmpdir(), "static-"));
  await mkdir(join(root, "site", "chunks"), { recursive: true });
  await writeFile(join(root, "site", "preview.html"), "<p>preview</p>");
  await writeFile(join(root, "site", "chunks", "a.js"), "export {}");
  await writeFile(join(root, "secret.txt"), "secret");
  site = await serveStatic(join(root, "site"));
});

afterAll(() => site.stop());

describe("preview static server", () => {
  it.each([
    ["/", 200, "text/html", "<p>preview</p>"],
    ["/preview.html?seed=messy", 200, "text/html", "<p>preview</p>"],
    ["/chunks/a.js", 200, "text/javascript", "export {}"],
    ["/missing.js", 404, "", ""],
    ["/%E0%A4%A", 400, "", ""],
  ])("GET %s answers %i", async (path, status, type, body) => {
    const res = await get(path);
    expect(res.status).toBe(status);
    if (type !== "") expect(res.type).toContain(type);
    expect(res.body).toBe(body);
  });

  it.each(["/../secret.txt", "/%2e%2e/secret.txt", "/..%2fsecret.txt", "/chunks/..%2f..%2fsecret.txt"])(
    "never serves a file outside its folder: %s",
    async (path) => {
      const res = await get(path);
      expect(res.status).toBeGreaterThanOrEqual(400);
      expect(res.body).not.toContain("secret");
    },
  );
});
