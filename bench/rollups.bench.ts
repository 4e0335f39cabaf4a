/**
 * GET /plans/{plan}/rollups at SPEC §11's size (10 000 projects, 40 000 budget rows) on the local
 * stack: the answer's bytes inside Lambda's response envelope (limit 6 MB) and its time (target
 * ≤ 1 s, issue #16), with the store read and the report build timed apart for context. The plan's
 * ROW# and CHG# items (one version per row, as one push leaves them) are seeded with raw
 * BatchWriteItem. The rollups read the newest checkpoint and the log after it
 * (functions/sync/live-rows.ts): the first request finds no checkpoint, reads the whole log and
 * builds one (the cold figure, building included) and keeps the report; the next requests read the
 * kept report (warm, the figure with the target); after one change the next request reads the
 * checkpoint and the log after it and rebuilds the report (printed too).
 */
import { BatchWriteCommand, UpdateCommand } from "@aws-sdk/lib-dynamodb";
import { rowHash } from "#core/sync/hash.ts";
import { apiPaths, type PushRow } from "#core/sync/protocol.ts";
import { OUTCOMES } from "#core/values/vocab.ts";
import { config } from "#functions/config.ts";
import { LAMBDA_RESPONSE_LIMIT_BYTES } from "#functions/payload-bytes.ts";
import { startLocalStack } from "#functions/local/stack.ts";
import { createDocumentClient } from "#functions/store/client.ts";
import { chunk, mapLimit } from "#functions/store/dynamo/context.ts";
import { META_SK, planPk } from "#functions/store/keys.ts";
import { planRowsAt } from "#functions/sync/live-rows.ts";
import { reportOfLiveRows } from "#functions/sync/rollups.ts";
import { call } from "#tests/support/api-client.ts";
import { budget, line, priority, project } from "#tests/support/rows.ts";
import { median, round, timeMs, type BenchFigure } from "./figure.ts";
import { changeItem, rowItem } from "./row-item.ts";

const PROJECTS = Number(process.env["BENCH_PROJECTS"] ?? 10_000);
const BUDGET_ROWS = PROJECTS * 4;
const RUNS = Number(process.env["BENCH_RUNS"] ?? 3);
const CATEGORIES = ["personnel", "equipment", "subcontracting", "overhead"];

/** The plan's rows as the add-in pushes them: 10 priorities × 4 lines, projects, budget rows. */
function planRows(): PushRow[] {
  const priorities = Array.from({ length: 10 }, (_, i) => priority(String(i + 1)));
  const lines = priorities.flatMap((p) => [1, 2, 3, 4].map((j) => line(`${p.key}.${j}`, p.key)));
  const projects = Array.from({ length: PROJECTS }, (_, i) =>
    project(`PRJ-${i}`, lines[i % lines.length]?.key ?? "1.1", `Progetto di ricerca numero ${i}`, 0, {
      acronym: `ACR${i}`,
      programme: i % 3 === 0 ? "Horizon Europe" : "PR-FESR",
      call: i % 2 === 0 ? "HORIZON-EIE-2021-CONNECT-01" : undefined,
      submitted: `20${20 + (i % 6)}-0${1 + (i % 9)}-15`,
      outcome: OUTCOMES[i % OUTCOMES.length],
      partners: i % 5 === 0 ? ["Università di Bologna", "AUSL Romagna"] : [],
      ticks: { proposalReady: i % 7 === 0 },
    }),
  );
  const budgets = Array.from({ length: BUDGET_ROWS }, (_, i) =>
    budget(
      `PRJ-${i % PROJECTS}`,
      CATEGORIES[Math.floor(i / PROJECTS) % 4] ?? "personnel",
      (i * 7919) % 1_000_000,
    ),
  );
  return [...priorities, ...lines, ...projects, ...budgets];
}

export async function run(): Promise<BenchFigure[]> {
  process.env["POWERTOOLS_LOG_LEVEL"] ??= "SILENT";
  const stack = await startLocalStack();
  try {
    const plan = "rollups-bench";
    await stack.store.createPlan(plan, plan, "bench-reader");
    const doc = createDocumentClient(config());
    const now = Date.now();
    const at = new Date(now).toISOString();
    const rows = planRows();
    const items = [...rows.map((r) => rowItem(plan, r, at)), ...rows.map((r, i) => changeItem(plan, r, i + 1, now))];
    await mapLimit(chunk(items, 25), 4, async (group) => {
      let requests = group.map((Item) => ({ PutRequest: { Item } }));
      while (requests.length > 0) {
        const out = await doc.send(
          new BatchWriteCommand({ RequestItems: { [config().tableName]: requests } }),
        );
        requests = (out.UnprocessedItems?.[config().tableName] ?? []) as typeof requests;
      }
    });
    // The plan's change counter, as the push would have left it.
    await doc.send(
      new UpdateCommand({
        TableName: config().tableName,
        Key: { pk: planPk(plan), sk: META_SK },
        UpdateExpression: "SET seq = :n",
        ExpressionAttributeValues: { ":n": rows.length },
      }),
    );
    const token = await stack.issuer.mintToken({ oid: "bench-reader" });
    let status = 0;
    let body: unknown;
    const get = async (): Promise<void> => {
      const reply = await call(stack.apiUrl, "GET", apiPaths.rollups(plan), { token });
      status = reply.status;
      body = reply.body;
      if (status !== 200) throw new Error(`rollups: HTTP ${status}`);
    };
    // Cold: no checkpoint yet, so this request reads the whole log and builds one.
    const coldMs = await timeMs(get);
    const times: number[] = [];
    for (let r = 0; r < RUNS; r++) times.push(await timeMs(get));
    const httpMs = median(times);
    // One project changed through the store's write path: the next read rebuilds (checkpoint + tail).
    const changed = rows.find((r) => r.entity === "project");
    if (!changed) throw new Error("no project");
    const current = await stack.store.getRows(plan, [changed]);
    const values = { ...changed.values, title: "Progetto cambiato" };
    await stack.store.writeRows(
      plan,
      [{ entity: changed.entity, key: changed.key, baseVersion: current.get(`${changed.entity}#${changed.key}`)?.version ?? 1, values, deleted: false, hash: rowHash(values) }],
      { id: "bench-reader", source: "cli" },
      "bench-change",
    );
    const afterChangeMs = await timeMs(get);
    const fullReadMs = await timeMs(() => stack.store.listRows(plan));
    const readMs = await timeMs(() => stack.store.liveValues(plan));
    let live: Awaited<ReturnType<typeof planRowsAt>> = [];
    const checkpointReadMs = await timeMs(async () => (live = await planRowsAt(stack.store, plan, Number.POSITIVE_INFINITY)));
    const reportMs = await timeMs(() => reportOfLiveRows(live, plan, "en", at.slice(0, 10)));
    const text = JSON.stringify(body);
    const bodyBytes = Buffer.byteLength(text, "utf8");
    const envelope = Buffer.byteLength(JSON.stringify({ statusCode: 200, body: text }), "utf8");
    const truncated = (body as { truncated?: unknown }).truncated !== undefined;
    return [
      {
        figure: `rollups: store read of the plan's ${rows.length} whole rows, as listRows (context: before the projection)`,
        value: round(fullReadMs),
        unit: "ms",
      },
      {
        figure: `rollups: store read of the ${rows.length} rows' values only (the read before checkpoints, context)`,
        value: round(readMs),
        unit: "ms",
      },
      {
        figure: "rollups: checkpoint + log tail read, in-process (context)",
        value: round(checkpointReadMs),
        unit: "ms",
      },
      { figure: "rollups: report build of those rows, in-process (context)", value: round(reportMs), unit: "ms" },
      {
        figure: `rollups: [wall] GET /rollups cold (no checkpoint: whole log read, checkpoint built)`,
        value: round(coldMs),
        unit: "ms",
      },
      {
        figure: "rollups: [wall] GET /rollups after one change (checkpoint + log tail + report build, report kept)",
        value: round(afterChangeMs),
        unit: "ms",
      },
      {
        figure: `rollups: [wall] GET /rollups warm (report kept since the last change) at ${PROJECTS} projects / ${BUDGET_ROWS} budget rows, median of ${RUNS} (HTTP ${status}${truncated ? ", truncated with its marker" : ""})`,
        value: round(httpMs),
        unit: "ms",
        target: "≤ 1000",
        pass: status === 200 && httpMs <= 1000,
      },
      { figure: "rollups: response body", value: round(bodyBytes / 1024), unit: "KB" },
      {
        figure: "rollups: response inside Lambda's envelope",
        value: round(envelope / 1024),
        unit: "KB",
        target: `< ${LAMBDA_RESPONSE_LIMIT_BYTES / 1024} KB`,
        pass: status === 200 && envelope < LAMBDA_RESPONSE_LIMIT_BYTES,
      },
    ];
  } finally {
    await stack.stop();
  }
}
