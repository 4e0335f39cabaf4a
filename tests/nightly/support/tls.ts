/**
 * A throwaway self-signed certificate for the fake Entra ID / Graph server (both are https in
 * production, so the tests speak https too), made with the system openssl, and an https Agent
 * that trusts it.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { Agent } from "node:https";
import { tmpdir } from "node:os";
import { join } from "node:path";

export interface TestCertificate {
  readonly key: string;
  readonly cert: string;
  /** Trusts exactly this certificate. */
  readonly agent: Agent;
}

export function makeCertificate(): TestCertificate {
  const dir = mkdtempSync(join(tmpdir(), "actionplan-tls-"));
  try {
    execFileSync(
      "openssl",
      ["req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", join(dir, "key.pem"), "-out", join(dir, "cert.pem"),
        "-days", "2", "-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1"],
      { stdio: "ignore" },
    );
    const key = readFileSync(join(dir, "key.pem"), "utf8");
    const cert = readFileSync(join(dir, "cert.pem"), "utf8");
    return { key, cert, agent: new Agent({ ca: cert, keepAlive: false }) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
