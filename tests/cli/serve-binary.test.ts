/**
 * `actionplan serve` through the package binary (`cli/bin.mjs`, an esbuild bundle): the local API
 * comes up, answers with the printed token, and SIGTERM stops it (the JVM included) with exit 0.
 */
import { spawn } from "node:child_process";
import { describe, expect, it } from "vitest";
import { freePort } from "#functions/local/dynamodb-local.ts";
import { call } from "#tests/support/api-client.ts";
import { BIN, REPO_ROOT } from "./helpers.ts";

describe("actionplan serve (bundled binary)", () => {
  it("serves the API with the printed token and stops on SIGTERM", async () => {
    // Prepare
    const port = await freePort();
    const child = spawn(
      process.execPath,
      [BIN, "serve", "--in-memory", "--port", String(port), "--lang", "en"],
      {
        cwd: REPO_ROOT,
        env: { ...process.env, ACTIONPLAN_DEBUG: "" },
      },
    );
    let out = "";
    let err = "";
    child.stdout.setEncoding("utf8").on("data", (s: string) => (out += s));
    child.stderr.setEncoding("utf8").on("data", (s: string) => (err += s));
    const exited = new Promise<number | null>((done) => child.on("close", (code) => done(code)));
    try {
      // Act
      await expect
        .poll(() => /Token:\s+(\S+)/.exec(out)?.[1] ?? (child.exitCode === null ? "" : `exited: ${err}`), {
          timeout: 90_000,
          interval: 250,
        })
        .toMatch(/^ey/);
      const token = /Token:\s+(\S+)/.exec(out)?.[1] ?? "";
      const members = await call<{ members: unknown[] }>(
        `http://127.0.0.1:${port}`,
        "GET",
        "/plans/clust-er-2025/members",
        { token },
      );
      child.kill("SIGTERM");
      const code = await exited;
      // Assess
      expect(members.status).toBe(200);
      expect(members.body.members).toEqual([{ member: "dev-user", role: "admin" }]);
      expect(code).toBe(0);
      expect(err).not.toMatch(/^\s+at\s/m);
    } finally {
      if (child.exitCode === null) child.kill("SIGKILL");
    }
  }, 120_000);
});
