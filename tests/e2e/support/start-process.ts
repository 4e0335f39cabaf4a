/**
 * Drives `npm start` as a user would: spawned in its own process group (so a signal to the group
 * is Ctrl-C in a terminal), its output collected, the ready block parsed, and the process tree
 * read from /proc so a test can prove that every process it started is gone afterwards.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { connect } from "node:net";
import { request } from "node:https";
import { fileURLToPath } from "node:url";

const ROOT = fileURLToPath(new URL("../../../", import.meta.url));

export interface StartedApp {
  child: ChildProcess;
  output(): string;
  /** Exit code, or the signal npm re-raised on itself (npm dies by SIGINT after Ctrl-C). */
  exited: Promise<number | NodeJS.Signals | null>;
}

/** Spawns `npm run <script> -- <args>` in a new process group. */
export function spawnNpm(script: string, args: string[], env: Record<string, string> = {}): StartedApp {
  const child = spawn("npm", ["run", script, "--silent", "--", ...args], {
    cwd: ROOT,
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
    env: { ...process.env, ...env, FORCE_COLOR: "0" },
  });
  let out = "";
  child.stdout?.on("data", (d: Buffer) => (out += d.toString()));
  child.stderr?.on("data", (d: Buffer) => (out += d.toString()));
  const exited = new Promise<number | NodeJS.Signals | null>((resolve) => child.once("exit", (code, signal) => resolve(code ?? signal)));
  return { child, output: () => out, exited };
}

/** Spawns `npm start -- <args>` in a new process group. */
export function spawnStart(args: string[], env: Record<string, string> = {}): StartedApp {
  return spawnNpm("start", args, env);
}

/** The labelled lines of the ready block (Preview, API, Token, …). */
export interface ReadyInfo {
  preview: string;
  api: string;
  token: string;
  seconds: number;
}

/**
 * The ready block in `out`, once it is complete. It is in LC_ALL/LANG's language
 * (dev/ready-messages.ts): either wording is read.
 */
export function parseReady(out: string): ReadyInfo | undefined {
  const m = /(?:is ready|è pronto) \(([\d.]+) s\)[\s\S]*?Ctrl-C (?:stops everything|ferma tutto)/.exec(out);
  if (!m) return undefined;
  const field = (label: string): string => new RegExp(`^\\s+(?:${label}):\\s+(\\S+)`, "m").exec(out)?.[1] ?? "";
  return { seconds: Number(m[1]), preview: field("Preview|Anteprima"), api: field("API"), token: field("Token") };
}

/** Waits for the ready block; rejects with the output if the process exits or times out first. */
export async function waitReady(app: StartedApp, timeoutMs = 120_000): Promise<ReadyInfo> {
  const deadline = Date.now() + timeoutMs;
  let done = false;
  void app.exited.then(() => (done = true));
  for (;;) {
    const out = app.output();
    const ready = parseReady(out);
    if (ready) return ready;
    if (done || Date.now() > deadline) throw new Error(`npm start did not become ready:\n${out}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** pid → ppid of every process now. */
function processTable(): Map<number, number> {
  const table = new Map<number, number>();
  for (const name of readdirSync("/proc")) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, "utf8");
      // Field 4 (ppid) follows the command name, which sits in parentheses and may hold spaces.
      const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      table.set(Number(name), ppid);
    } catch {
      // Exited while we looked.
    }
  }
  return table;
}

/** The process's descendants with their command lines. */
export function descendants(pid: number): { pid: number; cmd: string }[] {
  const table = processTable();
  const out: { pid: number; cmd: string }[] = [];
  const visit = (parent: number): void => {
    for (const [child, ppid] of table) {
      if (ppid !== parent) continue;
      let cmd = "";
      try {
        cmd = readFileSync(`/proc/${child}/cmdline`, "utf8").replaceAll("\0", " ").trim();
      } catch {
        // gone
      }
      out.push({ pid: child, cmd });
      visit(child);
    }
  };
  visit(pid);
  return out;
}

/** The parent pid of a process (undefined once it is gone). */
export function parentOf(pid: number): number | undefined {
  return processTable().get(pid);
}

/** true while a process with this pid exists (zombies count as gone). */
export function isAlive(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    return stat.slice(stat.lastIndexOf(")") + 2, stat.lastIndexOf(")") + 3) !== "Z";
  } catch {
    return false;
  }
}

/** true when something accepts TCP connections on 127.0.0.1:port. */
export function listening(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host: "127.0.0.1", port });
    socket.once("connect", () => {
      socket.destroy();
      resolve(true);
    });
    socket.once("error", () => resolve(false));
  });
}

/** GET over HTTPS trusting the dev server's self-signed certificate (loopback only). */
export function getInsecure(url: string, headers: Record<string, string> = {}): Promise<{ status: number; body: string; type: string }> {
  return new Promise((resolve, reject) => {
    const req = request(url, { rejectUnauthorized: false, headers }, (res) => {
      let body = "";
      res.setEncoding("utf8");
      res.on("data", (d: string) => (body += d));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, body, type: String(res.headers["content-type"] ?? "") }));
    });
    req.on("error", reject);
    req.end();
  });
}
