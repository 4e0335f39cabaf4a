/**
 * Readiness over time (issue #17): GET /rollups?asOf= over loopback HTTP on the local stack
 * (DynamoDB Local), for a plan of 10 000 projects with 10 versions each (100 000 change-log
 * items), target ≤ 1 s. The history is written raw (BatchWriteItem of the ROW# and CHG# items a
 * push stores, with known timestamps: version v of every project at day v), so writing it does
 * not take ten pushes. Reads rebuild rows from the newest checkpoint serving their moment plus
 * the log after it (functions/sync/live-rows.ts), and build checkpoints themselves. Figures: the
 * first as-of read, cold (no checkpoint: versions 1–5 read, and a checkpoint built); building the
 * checkpoints a plan read every day would have, through the product's own read path (one as-of
 * read per day of history, in order); then warm: as of mid-history (the figure with the target),
 * as of after the last version, and today's /rollups. `BENCH_PROJECTS` and `BENCH_RUNS` change
 * the size and runs.
 */
import { BatchWriteCommand, UpdateCommand } from "@aws-sdk/lib-dynamodb";
import { rowHash } from "#core/sync/hash.ts";
import { apiPaths } from "#core/sync/protocol.ts";
import { config } from "#functions/config.ts";
import { startLocalStack } from "#functions/local/stack.ts";
import { createDocumentClient } from "#functions/store/client.ts";
import { chunk, mapLimit } from "#functions/store/dynamo/context.ts";
import { chgSk, historyHk, META_SK, planPk, rowSk } from "#functions/store/keys.ts";
import { planRowsAt } from "#functions/sync/live-rows.ts";
import { call } from "#tests/support/api-client.ts";
import { median, round, timeMs, type BenchFigure } from "./figure.ts";

const PROJECTS = Number(process.env["BENCH_PROJECTS"] ?? 10_000);
const VERSIONS = 10;
const RUNS = Number(process.env["BENCH_RUNS"] ?? 3);
const PLAN = "readiness";
const DAY = 86_400_000;
const START = Date.parse("2026-01-01T00:00:00.000Z");
const OUTCOMES = ["submitted", "under-evaluation", "reserve", "funded", "running"];

/** Version v (1-based) of project i: its outcome and amounts move as the versions go. */
function projectValues(i: number, v: number): Record<string, unknown> {
  const code = `P${i}`;
  return {
    key: code,
    code,
    acronym: `ACR${i}`,
    title: `Progetto numero ${i} per la salute digitale`,
    line: `${(i % 5) + 1}.1`,
    programme: "Horizon Europe",
    call: "HORIZON-HLTH-2026-01",
    actionType: "RIA",
    submitted: "2026-01-15",
    outcome: OUTCOMES[(i + v) % OUTCOMES.length],
    totalBudget: 100_000 + i + v,
    requested: 90_000 + i,
    ticks: {},
  };
}

export async function run(): Promise<BenchFigure[]> {
  process.env["POWERTOOLS_LOG_LEVEL"] ??= "SILENT";
  const stack = await startLocalStack();
  try {
    const token = await stack.issuer.mintToken({ oid: "bench-admin" });
    await stack.store.createPlan(PLAN, "Readiness", "bench-admin");
    const doc = createDocumentClient({ ...config(), dynamoEndpoint: stack.dynamo.endpoint });
    const pk = planPk(PLAN);
    const items: Record<string, unknown>[] = [];
    let seq = 0;
    const fixed = [
      ...[1, 2, 3, 4, 5].map((p) => ({ entity: "priority", key: String(p), values: { code: String(p), title: `Priorità ${p}` } })),
      ...[1, 2, 3, 4, 5].map((p) => ({
        entity: "line",
        key: `${p}.1`,
        values: { code: `${p}.1`, title: `Linea ${p}.1`, priority: String(p), types: ["R&I projects"] },
      })),
    ];
    const at0 = new Date(START).toISOString();
    for (const f of fixed) {
      seq++;
      const common = { entity: f.entity, key: f.key, version: 1, values: f.values, deleted: false };
      items.push({ pk, sk: rowSk(f.entity as "line", f.key), ...common, hash: rowHash(f.values), updatedAt: at0, updatedBy: "bench", source: "cli", writeId: "bench" });
      items.push({ pk, sk: chgSk(seq), seq, allocatedAt: START, ...common, at: at0, by: "bench", source: "cli", hk: historyHk(PLAN, f.entity as "line", f.key), hv: 1 });
    }
    for (let v = 1; v <= VERSIONS; v++) {
      for (let i = 0; i < PROJECTS; i++) {
        seq++;
        const atMs = START + v * DAY + i;
        const at = new Date(atMs).toISOString();
        const values = projectValues(i, v);
        const common = { entity: "project", key: `P${i}`, version: v, values, deleted: false };
        items.push({ pk, sk: chgSk(seq), seq, allocatedAt: atMs, ...common, at, by: "bench", source: "cli", hk: historyHk(PLAN, "project", `P${i}`), hv: v });
        if (v === VERSIONS)
          items.push({ pk, sk: rowSk("project", `P${i}`), ...common, hash: rowHash(values), updatedAt: at, updatedBy: "bench", source: "cli", writeId: "bench" });
      }
    }
    await mapLimit(chunk(items, 25), 4, async (group) => {
      let requests = group.map((Item) => ({ PutRequest: { Item } }));
      while (requests.length > 0) {
        const out = await doc.send(new BatchWriteCommand({ RequestItems: { [stack.tableName]: requests } }));
        requests = (out.UnprocessedItems?.[stack.tableName] ?? []) as typeof requests;
      }
    });
    // The plan's change counter, as the pushes would have left it.
    await doc.send(
      new UpdateCommand({
        TableName: stack.tableName,
        Key: { pk, sk: META_SK },
        UpdateExpression: "SET seq = :n",
        ExpressionAttributeValues: { ":n": seq },
      }),
    );

    const get = async (asOf?: string, runs = RUNS): Promise<number> => {
      const times: number[] = [];
      for (let r = 0; r < runs; r++) {
        times.push(
          await timeMs(async () => {
            const reply = await call<{ projects: unknown[] }>(stack.apiUrl, "GET", apiPaths.rollups(PLAN, asOf), { token });
            if (reply.status !== 200 || reply.body.projects.length !== PROJECTS)
              throw new Error(`rollups${asOf ? ` as of ${asOf}` : ""}: HTTP ${reply.status}`);
          }),
        );
      }
      return median(times);
    };
    const middle = new Date(START + 5 * DAY + PROJECTS).toISOString();
    // Cold: no checkpoint yet (the JVM and the handler are cold too: the worst first read).
    const coldMs = await get(middle, 1);
    // The checkpoints daily reads would have built, through the product's read path.
    const buildMs = await timeMs(async () => {
      for (let v = 1; v <= VERSIONS; v++) await planRowsAt(stack.store, PLAN, START + v * DAY + DAY / 2);
    });
    const middleMs = await get(middle);
    const endMs = await get(new Date(START + (VERSIONS + 1) * DAY).toISOString());
    const todayMs = await get();
    const size = `${PROJECTS.toLocaleString("en-US")} projects × ${VERSIONS} versions`;
    return [
      { figure: `readiness: [wall] rollups as of mid-history, cold (no checkpoint: 5 versions of every project read, one built), ${size}`, value: round(coldMs), unit: "ms" },
      { figure: `readiness: [wall] building the checkpoints of ${VERSIONS} daily reads (one as-of read per day, in-process)`, value: round(buildMs), unit: "ms" },
      {
        figure: `readiness: [wall] rollups as of mid-history, warm, ${size} (HTTP, median of ${RUNS})`,
        value: round(middleMs),
        unit: "ms",
        target: "≤ 1000 ms",
        pass: middleMs <= 1000,
      },
      { figure: `readiness: [wall] rollups as of after the last version, warm, ${size}`, value: round(endMs), unit: "ms" },
      { figure: `readiness: [wall] today's rollups, warm, ${PROJECTS.toLocaleString("en-US")} projects`, value: round(todayMs), unit: "ms" },
    ];
  } finally {
    await stack.stop();
  }
}
