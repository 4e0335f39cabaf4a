/**
 * Planning a push (SPEC §9) — the first step of the one sync engine every client runs: from the
 * analysed plan and the base the workbook keeps, what is sent (`outgoingRows`: rows whose hash
 * changed, tombstones the workbook can vouch for), what is held back and why (rows with errors,
 * withheld deletions), cut into requests by rows and bytes (`pushChunks`).
 */
import type { Plan } from "#core/model.ts";
import { outgoingRows, type WithheldDeletions } from "./outgoing.ts";
import type { PushRow } from "./protocol.ts";
import { pushChunks, type ChunkBudget } from "./push-chunks.ts";
import { planRows, type HeldRow, type SyncRow } from "./rows.ts";
import type { SyncState } from "./state.ts";

export interface PushPlanInput {
  plan: Plan;
  /** The kinds of the sheets the analysis recognised (`analysis.sheets[].kind`). */
  sheetKinds: readonly string[];
  /** What the workbook last synced at (undefined: never synced). */
  base: SyncState | undefined;
  budget: ChunkBudget;
}

export interface PushPlan {
  /** Every valid row of the workbook (the next base takes their hashes). */
  rows: SyncRow[];
  /** Rows held back because they have errors. */
  held: HeldRow[];
  /** Deletions not sent because the workbook could not show the rows. */
  withheld: WithheldDeletions[];
  /** What is sent, in order. */
  outgoing: PushRow[];
  /** `outgoing` cut into requests. */
  chunks: PushRow[][];
}

/** See the file comment. */
export function planPush(input: PushPlanInput): PushPlan {
  const { rows, held } = planRows(input.plan);
  const { rows: outgoing, withheld } = outgoingRows({
    rows,
    held,
    state: input.base,
    sheetKinds: input.sheetKinds,
  });
  return { rows, held, withheld, outgoing, chunks: pushChunks(outgoing, input.budget) };
}
