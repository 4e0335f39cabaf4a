/**
 * GET /plans/{plan}/rollups at SPEC §11's size (10 000 projects, 40 000 budget rows) on the local
 * stack: the answer's bytes inside Lambda's response envelope (limit 6 MB) and its time (target
 * ≤ 1 s, issue #16), with the store read and the report build timed apart for context. The plan's
 * ROW# items are seeded with raw BatchWriteItem (the rollups read only current rows).
 */
import { BatchWriteCommand } from "@aws-sdk/lib-dynamodb";
import { apiPaths, type PushRow } from "#core/sync/protocol.ts";
import { OUTCOMES } from "#core/values/vocab.ts";
import { config } from "#functions/config.ts";
import { LAMBDA_RESPONSE_LIMIT_BYTES } from "#functions/payload-bytes.ts";
import { startLocalStack } from "#functions/local/stack.ts";
import { createDocumentClient } from "#functions/store/client.ts";
import { chunk, mapLimit } from "#functions/store/dynamo/context.ts";
import { planRollups } from "#functions/sync/rollups.ts";
import { call } from "#tests/support/api-client.ts";
import { budget, line, priority, project } from "#tests/support/rows.ts";
import { round, timeMs, type BenchFigure } from "./figure.ts";
import { rowItem } from "./row-item.ts";

const PROJECTS = 10_000;
const BUDGET_ROWS = 40_000;
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
    const at = new Date().toISOString();
    const items = planRows().map((r) => rowItem(plan, r, at));
    await mapLimit(chunk(items, 25), 4, async (group) => {
      let requests = group.map((Item) => ({ PutRequest: { Item } }));
      while (requests.length > 0) {
        const out = await doc.send(
          new BatchWriteCommand({ RequestItems: { [config().tableName]: requests } }),
        );
        requests = (out.UnprocessedItems?.[config().tableName] ?? []) as typeof requests;
      }
    });
    const token = await stack.issuer.mintToken({ oid: "bench-reader" });
    // One warm-up (JIT of DynamoDB Local and of our code), then the measured request.
    await call(stack.apiUrl, "GET", apiPaths.rollups(plan), { token });
    let status = 0;
    let body: unknown;
    const httpMs = await timeMs(async () => {
      const reply = await call(stack.apiUrl, "GET", apiPaths.rollups(plan), { token });
      status = reply.status;
      body = reply.body;
    });
    const fullReadMs = await timeMs(() => stack.store.listRows(plan));
    const readMs = await timeMs(() => stack.store.liveValues(plan));
    const serviceMs = await timeMs(() => planRollups(stack.store, plan, "en", at.slice(0, 10)));
    const text = JSON.stringify(body);
    const bodyBytes = Buffer.byteLength(text, "utf8");
    const envelope = Buffer.byteLength(JSON.stringify({ statusCode: 200, body: text }), "utf8");
    const truncated = (body as { truncated?: unknown }).truncated !== undefined;
    return [
      {
        figure: `rollups: store read of the plan's ${items.length} whole items, as listRows (context: before the projection)`,
        value: round(fullReadMs),
        unit: "ms",
      },
      {
        figure: `rollups: store read of the ${items.length} rows' values only, as the rollups read them (context)`,
        value: round(readMs),
        unit: "ms",
      },
      {
        figure: "rollups: store read + report build, in-process (context)",
        value: round(serviceMs),
        unit: "ms",
      },
      {
        figure: `rollups: GET /rollups at ${PROJECTS} projects / ${BUDGET_ROWS} budget rows (HTTP ${status}${truncated ? ", truncated with its marker" : ""})`,
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
