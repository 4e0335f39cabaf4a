/**
 * Issue #16: no push answers ≥ 500 because of its input, and the store holds exactly the rows a
 * push reports applied. 160 requests × 64 fuzzed rows = 10 240 row bodies per CI run (seeded;
 * bench/api-fuzz.bench.ts runs longer). See tests/support/push-fuzz.ts for what the rows aim at.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { runPushFuzz } from "#tests/support/push-fuzz.ts";
import { useLocalStack } from "#tests/support/local-stack.ts";
import { USERS } from "#tests/support/rows.ts";

const PLAN = "push-fuzz";
const stack = useLocalStack();
let token = "";

beforeAll(async () => {
  await stack().store.createPlan(PLAN, "Push fuzz", USERS.admin);
  token = await stack().issuer.mintToken({ oid: USERS.admin });
});

describe("fuzzed pushes", () => {
  it("answer 10 240 fuzzed rows in 160 requests without a 5xx, storing exactly the rows reported applied", async () => {
    // Act
    const tally = await runPushFuzz({
      apiUrl: stack().apiUrl,
      token,
      store: stack().store,
      plan: PLAN,
      seed: 16,
      requests: 160,
      rowsPerRequest: 64,
    });
    console.info(`push fuzz: ${JSON.stringify(tally)}`);
    // Assess: the run covered both outcomes (a fuzz that applies nothing, or refuses nothing, proves little).
    expect(tally).toMatchObject({ requests: 160, rows: 10_240, serverErrors: 0 });
    expect(tally.applied).toBeGreaterThan(1000);
    expect(tally.invalid).toBeGreaterThan(1000);
  }, 180_000);
});
