/**
 * A writer that dies mid-push, for the recovery tests: the API server in a child process whose
 * DynamoDB calls go through a proxy of its own. The proxy lets the first `transactionsBeforeStall`
 * row transactions through and holds every later one for ever (they never reach DynamoDB), so
 * the push is stuck half-way with part of its rows committed; `kill()` then ends the process
 * with SIGKILL — no `finally`, no release of its idempotency claim, no void markers, exactly as
 * a Lambda instance that crashed or timed out.
 */
import { spawn } from "node:child_process";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";
import { startDynamoProxy, type DynamoProxy } from "./dynamo-proxy.ts";

const SERVER = fileURLToPath(new URL("./dying-writer-server.ts", import.meta.url));
const ROOT = fileURLToPath(new URL("../../", import.meta.url));

export interface DyingWriter {
  /** The child's API base URL. */
  url: string;
  /** Settles when the first transaction is held (the push is stuck half-way). */
  stalled: Promise<void>;
  /** Row transactions that reached DynamoDB. */
  transactionsPassed(): number;
  /** SIGKILL, and wait for the process to be gone. */
  kill(): Promise<void>;
  /** Stops the proxy (after kill). */
  stop(): Promise<void>;
}

export async function startDyingWriter(options: {
  /** DynamoDB Local's endpoint (the child's proxy forwards there). */
  dynamoEndpoint: string;
  transactionsBeforeStall: number;
}): Promise<DyingWriter> {
  const proxy: DynamoProxy = await startDynamoProxy(options.dynamoEndpoint);
  let passed = 0;
  let onStall: () => void = () => undefined;
  const stalled = new Promise<void>((resolve) => (onStall = resolve));
  proxy.setHold((operation) => {
    if (operation !== "TransactWriteItems") return undefined;
    if (passed < options.transactionsBeforeStall) {
      passed++;
      return undefined;
    }
    onStall();
    // Held for ever: the request dies with the writer.
    return new Promise<void>(() => undefined);
  });
  // The parent's configuration (table, issuer, lease and gap timeout), DynamoDB through the proxy.
  const child = spawn(process.execPath, ["--import", "tsx", SERVER], {
    cwd: ROOT,
    env: { ...process.env, ACTIONPLAN_DYNAMODB_ENDPOINT: proxy.endpoint, POWERTOOLS_LOG_LEVEL: "SILENT" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stderr = "";
  child.stderr.setEncoding("utf8").on("data", (s: string) => (stderr += s));
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const url = await new Promise<string>((resolve, reject) => {
    const lines = createInterface({ input: child.stdout });
    lines.once("line", (line) => resolve(line.trim()));
    child.once("exit", (code) => reject(new Error(`dying writer exited (${code}) before starting: ${stderr}`)));
  });
  return {
    url,
    stalled,
    transactionsPassed: () => passed,
    async kill() {
      child.kill("SIGKILL");
      await exited;
    },
    stop: () => proxy.stop(),
  };
}
