/**
 * The push metric: rows applied / unchanged / conflict / invalid per push, as CloudWatch metrics
 * (Powertools, embedded metric format, namespace from POWERTOOLS_METRICS_NAMESPACE). Only inside
 * Lambda: the local stack runs the same handlers and must not print metric documents.
 */
import { Metrics, MetricUnit } from "@aws-lambda-powertools/metrics";

let metrics: Metrics | undefined;

/** Metric name per push result status. */
export const PUSH_METRICS: Readonly<Record<string, string>> = {
  applied: "PushRowsApplied",
  unchanged: "PushRowsUnchanged",
  conflict: "PushRowsConflict",
  invalid: "PushRowsInvalid",
};

/**
 * Publishes one push's row counts by status (absent statuses count 0, so every metric has a data
 * point per push and rates can be computed).
 */
export function recordPush(counts: Readonly<Record<string, number>>, env: NodeJS.ProcessEnv = process.env): void {
  if (env["AWS_LAMBDA_FUNCTION_NAME"] === undefined) return;
  metrics ??= new Metrics({ namespace: env["POWERTOOLS_METRICS_NAMESPACE"] ?? "ActionPlan" });
  for (const [status, name] of Object.entries(PUSH_METRICS)) metrics.addMetric(name, MetricUnit.Count, counts[status] ?? 0);
  metrics.publishStoredMetrics();
}
