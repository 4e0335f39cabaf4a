/**
 * The long push fuzz (issue #16, SPEC §11 "no response ≥ 500 because of its input"): the fuzz of
 * tests/functions/push-fuzz.test.ts with another seed and three times the requests, over real
 * HTTP against DynamoDB Local. Prints requests, rows, answers ≥ 500 (target 0; the run stops at
 * the first, or at the first row the store does not hold as reported), and the time it took.
 */
import { startLocalStack } from "#functions/local/stack.ts";
import { emptyTally, runPushFuzz } from "#tests/support/push-fuzz.ts";
import { round, timeMs, type BenchFigure } from "./figure.ts";

const REQUESTS = 480;
const ROWS_PER_REQUEST = 64;
const SEED = 1616;

export async function run(): Promise<BenchFigure[]> {
  process.env["POWERTOOLS_LOG_LEVEL"] ??= "SILENT";
  const stack = await startLocalStack();
  try {
    const plan = "api-fuzz-bench";
    await stack.store.createPlan(plan, plan, "bench-admin");
    const token = await stack.issuer.mintToken({ oid: "bench-admin" });
    const tally = emptyTally();
    let failure = "";
    const ms = await timeMs(() =>
      runPushFuzz({
        apiUrl: stack.apiUrl,
        token,
        store: stack.store,
        plan,
        seed: SEED,
        requests: REQUESTS,
        rowsPerRequest: ROWS_PER_REQUEST,
        tally,
      }).catch((error: unknown) => {
        failure = error instanceof Error ? (error.message.split("\n")[0] ?? "") : String(error);
      }),
    );
    const complete = tally.requests === REQUESTS && failure === "";
    return [
      {
        figure: `api fuzz: requests answered (seed ${SEED}, ${ROWS_PER_REQUEST} rows each${failure ? `; stopped: ${failure.slice(0, 120)}` : ""})`,
        value: tally.requests,
        unit: "requests",
        target: `${REQUESTS}, every row stored exactly as reported`,
        pass: complete,
      },
      {
        figure: `api fuzz: fuzzed rows (${tally.applied} applied, ${tally.invalid} invalid, ${tally.other} other)`,
        value: tally.rows,
        unit: "rows",
      },
      {
        figure: "api fuzz: answers ≥ 500",
        value: tally.serverErrors,
        unit: "",
        target: "0",
        pass: tally.serverErrors === 0 && complete,
      },
      { figure: "api fuzz: time for the whole run", value: round(ms / 1000), unit: "s" },
    ];
  } finally {
    await stack.stop();
  }
}
