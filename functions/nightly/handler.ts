/**
 * The nightly Lambda (EventBridge Scheduler, 03:30 Europe/Rome): reads every registered workbook
 * through Microsoft Graph and pushes its changes with source = nightly. Clients, credential and
 * store are created on the first invocation, not at import (module init stays small).
 */
import { Logger } from "@aws-lambda-powertools/logger";
import { Metrics, MetricUnit } from "@aws-lambda-powertools/metrics";
import type { Context } from "aws-lambda";
import { config } from "#functions/config.ts";
import { createDocumentClient, defaultStore } from "#functions/store/client.ts";
import { refreshCheckpoint } from "#functions/sync/live-rows.ts";
import { pushRows } from "#functions/sync/push.ts";
import { graphCredential } from "./graph-credential.ts";
import { GraphWorkbookSource } from "./graph-source.ts";
import { createGraphTokenProvider } from "./graph-token.ts";
import { DynamoWorkbookRegistry } from "./registry-dynamo.ts";
import { runNightly } from "./run-job.ts";
import { NIGHTLY_SERVICE } from "./service-name.ts";

/** What the invocation returns (visible in the scheduler's and the console's logs). */
export interface NightlySummary {
  readonly plans: number;
  readonly files: number;
  readonly failed: number;
}

let logger: Logger | undefined;
let metrics: Metrics | undefined;

function env(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set`);
  return value;
}

export async function handler(_event?: unknown, context?: Context): Promise<NightlySummary> {
  logger ??= new Logger({ serviceName: NIGHTLY_SERVICE });
  // Lambda context on every line (request id, cold start).
  if (context !== undefined) logger.addContext(context);
  metrics ??= new Metrics({ namespace: "ActionPlan", serviceName: NIGHTLY_SERVICE });
  const log = logger;
  const meter = metrics;
  const cfg = config();
  const tenantId = env("ACTIONPLAN_GRAPH_TENANT_ID");
  const credential = await graphCredential(env("ACTIONPLAN_GRAPH_SECRET_ARN"));
  const token = createGraphTokenProvider({ tenantId, ...credential });
  const store = defaultStore();
  try {
    const reports = await runNightly({
      registry: new DynamoWorkbookRegistry(createDocumentClient(cfg), cfg.tableName),
      sources: { graph: new GraphWorkbookSource({ token }) },
      push: (plan, request, actor, locale) => pushRows(store, plan, request, actor, locale),
      putRun: (plan, report) => store.putRun(plan, report),
      checkpoint: async (plan) => void (await refreshCheckpoint(store, plan)),
      actorId: credential.clientId,
      logger: {
        info: (message, extra) => log.info(message, extra ?? {}),
        warn: (message, extra) => log.warn(message, extra ?? {}),
        error: (message, extra) => log.error(message, extra ?? {}),
      },
      metrics: { count: (name, value) => meter.addMetric(name, MetricUnit.Count, value) },
    });
    const files = reports.flatMap((r) => r.files);
    return { plans: reports.length, files: files.length, failed: files.filter((f) => f.status === "error").length };
  } finally {
    meter.publishStoredMetrics();
  }
}
