/**
 * Driving a planned push through a transport (SPEC §9 "retries are safe") — the one retry policy
 * of every client. Each chunk keeps ONE idempotency key across its attempts, so a retry after a
 * lost answer has no second effect. A transport says a failure is worth retrying by throwing
 * `RetryablePushError` (503, 429, throttling, a push with the same key still running); anything
 * else stops the push at once. Waits honour the server's Retry-After, else exponential backoff
 * with full jitter, within a time budget per chunk that covers the server's lease on a dead
 * writer's in-progress idempotency record (a few seconds).
 */
import type { PushResponse, PushRow, RowResult } from "./protocol.ts";
import { backoffMs } from "./retry-after.ts";

/** A failure the same request may succeed after (the transport decides which). */
export class RetryablePushError extends Error {
  override readonly name = "RetryablePushError";
  /** How long the server asked to wait (Retry-After), when it said. */
  readonly retryAfterMs: number | undefined;
  constructor(message: string, options: { retryAfterMs?: number | undefined; cause?: unknown } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.retryAfterMs = options.retryAfterMs;
  }
}

/** One request of a push, as the transport sends it. */
export interface PushAttempt {
  idempotencyKey: string;
  rows: PushRow[];
}

/** Where pushes go: fetch to the API (add-in, CLI) or the push service in-process (nightly). */
export interface PushTransport {
  send(attempt: PushAttempt): Promise<PushResponse>;
}

export interface RetryPolicy {
  /** Attempts per chunk, the first included. */
  maxAttempts: number;
  /** First backoff ceiling; doubles per attempt. */
  baseDelayMs: number;
  /** Largest single wait. */
  maxDelayMs: number;
  /** Longest a chunk may spend waiting in all; a wait that would pass it fails the chunk. */
  budgetMs: number;
}

/** Covers a server lease of a few seconds on an abandoned idempotency record, with room to spare. */
export const DEFAULT_RETRY: RetryPolicy = { maxAttempts: 8, baseDelayMs: 250, maxDelayMs: 8_000, budgetMs: 30_000 };

export interface SendOptions {
  transport: PushTransport;
  /** The chunk's idempotency key (called once per chunk, reused by its retries). */
  keyOf(chunk: readonly PushRow[], index: number): string;
  policy?: RetryPolicy;
  /** After each answered chunk: rows done so far and in all. */
  onProgress?(done: number, total: number): void;
  sleep?(ms: number): Promise<void>;
  random?(): number;
}

export interface SendOutcome {
  /** The rows of the chunks that were answered, in order. */
  sent: PushRow[];
  results: RowResult[];
  /** Set when a chunk failed for good; the chunks after it were not sent. */
  failure?: unknown;
}

/** The wait before retry `attempt` (0-based), or undefined when it would pass the budget. */
export function retryDelay(
  error: RetryablePushError,
  attempt: number,
  waited: number,
  policy: RetryPolicy,
  random: () => number,
): number | undefined {
  if (attempt + 1 >= policy.maxAttempts) return undefined;
  const backoff = backoffMs(attempt, policy.maxDelayMs, random, policy.baseDelayMs);
  // The server's word wins, plus a little jitter so writers it turned away do not return together.
  const delay =
    error.retryAfterMs === undefined ? backoff : error.retryAfterMs + Math.round(random() * policy.baseDelayMs);
  return waited + delay > policy.budgetMs ? undefined : delay;
}

const sleepFor = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Sends the chunks in order (see the file comment); never throws: a failure is in the outcome. */
export async function sendChunks(chunks: readonly PushRow[][], options: SendOptions): Promise<SendOutcome> {
  const policy = options.policy ?? DEFAULT_RETRY;
  const sleep = options.sleep ?? sleepFor;
  const random = options.random ?? Math.random;
  const total = chunks.reduce((n, c) => n + c.length, 0);
  const outcome: SendOutcome = { sent: [], results: [] };
  options.onProgress?.(0, total);
  for (const [index, chunk] of chunks.entries()) {
    const idempotencyKey = options.keyOf(chunk, index);
    let waited = 0;
    for (let attempt = 0; ; attempt++) {
      try {
        const response = await options.transport.send({ idempotencyKey, rows: chunk });
        outcome.sent.push(...chunk);
        outcome.results.push(...response.results.filter((r) => r !== undefined && r !== null));
        break;
      } catch (error) {
        const delay =
          error instanceof RetryablePushError ? retryDelay(error, attempt, waited, policy, random) : undefined;
        if (delay === undefined) {
          outcome.failure = error;
          return outcome;
        }
        waited += delay;
        await sleep(delay);
      }
    }
    options.onProgress?.(outcome.sent.length, total);
  }
  return outcome;
}
