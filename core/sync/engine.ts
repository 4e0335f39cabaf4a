/**
 * The one sync engine (SPEC §9): plan a push from the analysed plan and the workbook's base, send
 * its chunks through the client's transport with the one retry policy, and compute the next base
 * from the results (matched by key, adoption included). The task pane, the CLI and the nightly
 * job wrap it with only where their base lives and how their requests travel.
 *
 * @example
 * const run = await pushWorkbook({ plan, sheetKinds, base, budget, transport, keyOf });
 * await saveBase(run.state); // also after run.failure: the chunks answered are recorded
 */
import { nextBase, withAdopted, type PushConflict } from "./base.ts";
import type { RowResult } from "./protocol.ts";
import { planPush, type PushPlan, type PushPlanInput } from "./push-plan.ts";
import { sendChunks, type SendOptions } from "./send-chunks.ts";
import type { SyncState } from "./state.ts";

export type PushWorkbookInput = Omit<PushPlanInput, "base"> & { base: SyncState } & SendOptions;

export interface PushWorkbookOutcome extends PushPlan {
  /** The rows of the chunks that were answered. */
  sent: PushPlan["outgoing"];
  /** One per sent row; conflicts whose values equal the cloud's come back as `unchanged`. */
  results: RowResult[];
  conflicts: PushConflict[];
  /** The base to keep: the input base advanced by every answered chunk. */
  state: SyncState;
  /** Set when a chunk failed for good (the chunks before it are in `results` and `state`). */
  failure?: unknown;
}

/** Plans, sends and records one push (see the file comment); never throws for a failed request. */
export async function pushWorkbook(input: PushWorkbookInput): Promise<PushWorkbookOutcome> {
  const planned = planPush(input);
  const sent = await sendChunks(planned.chunks, input);
  const next = nextBase(input.base, sent.sent, sent.results, planned.rows);
  return {
    ...planned,
    sent: sent.sent,
    results: withAdopted(sent.results, next.adopted),
    conflicts: next.conflicts,
    state: next.state,
    ...(sent.failure === undefined ? {} : { failure: sent.failure }),
  };
}
