/**
 * What a custom function computes: a value, or a problem that becomes a cell error in exactly
 * one place (`cell-error.ts`). Keeps the computations pure and testable without Excel.
 */
import type { FunctionMessage } from "./messages.ts";

/**
 * #N/A for unknown references and values that do not exist (a success rate with nothing decided),
 * #VALUE! for bad arguments: the two codes Excel shows a custom message with.
 */
export type ProblemKind = "not-available" | "value";

export interface Problem {
  kind: ProblemKind;
  message: FunctionMessage;
  /** The offending argument as typed, for the message. */
  arg?: string;
}

export type Computed<T> = { ok: true; value: T } | { ok: false; problem: Problem };

export const done = <T>(value: T): Computed<T> => ({ ok: true, value });

export const problem = (kind: ProblemKind, message: FunctionMessage, arg?: unknown): Computed<never> => ({
  ok: false,
  problem: arg === undefined ? { kind, message } : { kind, message, arg: String(arg) },
});
