/**
 * The TLS material for the add-in dev server. Excel only loads add-ins over HTTPS, so:
 * 1. office-addin-dev-certs, as Microsoft's templates do: its certificates in ~/.office-addin-dev-certs
 *    when they are already there (any OS), else on Windows/macOS its install (a trusted localhost
 *    CA; may ask once for permission). On Linux its install needs sudo, so it is not attempted.
 * 2. Elsewhere (Linux, containers, CI without root): a self-signed localhost certificate made
 *    with openssl once and cached under .cache/dev-certs/ (the browser warns until it is trusted).
 * 3. No openssl: plain HTTP, with a warning that Excel needs HTTPS.
 */
import { execFile } from "node:child_process";
import { existsSync, mkdirSync, readFileSync } from "node:fs";
import { homedir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";

const run = promisify(execFile);

/** What the dev server serves with. */
export type DevTls =
  | { kind: "office-addin-dev-certs"; cert: Buffer; key: Buffer; ca?: Buffer }
  | { kind: "self-signed"; cert: Buffer; key: Buffer; certPath: string }
  /** `opensslError` when openssl could not make a certificate; none when --http asked for HTTP. */
  | { kind: "http"; opensslError?: string };

async function officeCerts(): Promise<DevTls> {
  const { getHttpsServerOptions } = (await import("office-addin-dev-certs")) as {
    getHttpsServerOptions(days?: number): Promise<{ cert: Buffer; key: Buffer; ca?: Buffer }>;
  };
  const timeout = new Promise<never>((_, reject) => setTimeout(() => reject(new Error("timed out")), 20_000).unref());
  const options = await Promise.race([getHttpsServerOptions(), timeout]);
  return { kind: "office-addin-dev-certs", cert: options.cert, key: options.key, ...(options.ca ? { ca: options.ca } : {}) };
}

async function selfSigned(cacheDir: string): Promise<DevTls> {
  const dir = join(cacheDir, "dev-certs");
  const certPath = join(dir, "localhost.crt");
  const keyPath = join(dir, "localhost.key");
  if (!existsSync(certPath) || !existsSync(keyPath)) {
    mkdirSync(dir, { recursive: true });
    await run("openssl", [
      "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-sha256", "-days", "825",
      "-subj", "/CN=localhost", "-addext", "subjectAltName=DNS:localhost,IP:127.0.0.1",
      "-keyout", keyPath, "-out", certPath,
    ]);
  }
  return { kind: "self-signed", cert: readFileSync(certPath), key: readFileSync(keyPath), certPath };
}

/** The certificates office-addin-dev-certs installed earlier, if any (nothing is installed here). */
function installedOfficeCerts(home: string): DevTls | undefined {
  const dir = join(home, ".office-addin-dev-certs");
  const [cert, key, ca] = ["localhost.crt", "localhost.key", "ca.crt"].map((f) => join(dir, f));
  if (!cert || !key || !existsSync(cert) || !existsSync(key)) return undefined;
  return { kind: "office-addin-dev-certs", cert: readFileSync(cert), key: readFileSync(key), ...(ca && existsSync(ca) ? { ca: readFileSync(ca) } : {}) };
}

/** Picks the best TLS available here; never throws (the last resort is plain HTTP). */
export async function devTls(options: { cacheDir: string; forceHttp?: boolean; home?: string }): Promise<DevTls> {
  if (options.forceHttp) return { kind: "http" };
  const trusted = process.platform === "win32" || process.platform === "darwin";
  if (trusted && process.env["CI"] === undefined) {
    try {
      // Verifies, renews or installs: the path Office itself trusts.
      return await officeCerts();
    } catch {
      // Not installable here (declined, no admin rights): fall through.
    }
  }
  const installed = installedOfficeCerts(options.home ?? homedir());
  if (installed) return installed;
  try {
    return await selfSigned(options.cacheDir);
  } catch (error) {
    return { kind: "http", opensslError: error instanceof Error ? (error.message.split("\n")[0] ?? "") : String(error) };
  }
}
