/**
 * Why a workbook could not be fetched, kept as a catalogue key and its parameters rather than a
 * sentence: the run report shows it in the file's language (the `{detail}` of `fetch.*`), the
 * logs in English. A network failure's own text (Node's "connect ECONNREFUSED …") stays as it is.
 */
import type { Locale } from "#core/snapshot/types.ts";
import { nightlyMessage, type NightlyMessage } from "./messages.ts";

/** A `detail.*` key of the nightly catalogue. */
export type FetchDetailKey = Extract<NightlyMessage, `detail.${string}`>;

export interface FetchDetail {
  readonly key: FetchDetailKey;
  readonly params?: Readonly<Record<string, string | number>>;
  /** What the last attempt ran into (the `{problem}` of the key's template). */
  readonly problem?: FetchDetail | string;
}

/** The detail as a sentence in `locale`. */
export function fetchDetailText(detail: FetchDetail, locale: Locale): string {
  const problem = detail.problem;
  return nightlyMessage(detail.key, locale, {
    ...detail.params,
    ...(problem === undefined
      ? {}
      : { problem: typeof problem === "string" ? problem : fetchDetailText(problem, locale) }),
  });
}

/** An error that carries its detail; its `message` is the English text (for logs). */
export class DetailedError extends Error {
  constructor(
    readonly detail: FetchDetail,
    options?: { cause?: unknown },
  ) {
    super(fetchDetailText(detail, "en"), options);
  }
}

/** What an error says went wrong: its detail when it has one, else its own (technical) text. */
export function problemOf(error: unknown): FetchDetail | string {
  if (error instanceof DetailedError) return error.detail;
  return error instanceof Error ? error.message : String(error);
}

/** `problemOf` as a sentence in `locale`. */
export function problemText(error: unknown, locale: Locale): string {
  const problem = problemOf(error);
  return typeof problem === "string" ? problem : fetchDetailText(problem, locale);
}
