/**
 * The HTTP API's routes and the handler behind each, as data: the stack makes one Lambda per
 * handler and one route per entry, so adding a route is one line here, not a copied block.
 */
import { fileURLToPath } from "node:url";
import { HttpMethod } from "aws-cdk-lib/aws-apigatewayv2";
import type { TableAccess } from "#infra/constructs/table-grants.ts";


/** One Lambda handler of the API. */
export interface HandlerSpec {
  /** Construct id, e.g. "Sync". */
  readonly id: string;
  /** Entry file relative to the repository root (exports `handler`). */
  readonly entry: string;
  /** What it may do to the table; the grant follows from it (least privilege). */
  readonly access: TableAccess;
  readonly description: string;
}

/** One route of the HTTP API. */
export interface RouteSpec {
  readonly method: HttpMethod;
  readonly path: string;
  /** `HandlerSpec.id` serving it. */
  readonly handler: string;
}

/** The API handlers (the sync service's Lambda entry points, plus workbook registration). */
export const handlers: readonly HandlerSpec[] = [
  { id: "Sync", entry: "functions/handlers/sync.ts", access: "read-write", description: "Push changed rows (POST /plans/{plan}/sync)" },
  { id: "Changes", entry: "functions/handlers/changes.ts", access: "read", description: "Pull changes since a cursor" },
  { id: "History", entry: "functions/handlers/history.ts", access: "read", description: "A row's version history" },
  { id: "Restore", entry: "functions/handlers/restore.ts", access: "read-write", description: "Restore a row version as a new version" },
  { id: "Runs", entry: "functions/handlers/runs.ts", access: "read", description: "Nightly run reports of a plan" },
  { id: "Rollups", entry: "functions/handlers/rollups.ts", access: "read", description: "PRL and budget roll-ups of a plan" },
  { id: "Workbooks", entry: "functions/nightly/workbooks-handler.ts", access: "read-write", description: "Register workbooks for the nightly sync (admin)" },
];

/** The routes; all of them require a valid Entra ID token (the JWT authorizer) and check plan roles inside. */
export const routes: readonly RouteSpec[] = [
  { method: HttpMethod.POST, path: "/plans/{plan}/sync", handler: "Sync" },
  { method: HttpMethod.GET, path: "/plans/{plan}/changes", handler: "Changes" },
  { method: HttpMethod.GET, path: "/plans/{plan}/rows/{entity}/{key}/history", handler: "History" },
  { method: HttpMethod.POST, path: "/plans/{plan}/rows/{entity}/{key}/restore", handler: "Restore" },
  { method: HttpMethod.GET, path: "/plans/{plan}/runs", handler: "Runs" },
  { method: HttpMethod.GET, path: "/plans/{plan}/rollups", handler: "Rollups" },
  { method: HttpMethod.GET, path: "/plans/{plan}/workbooks", handler: "Workbooks" },
  { method: HttpMethod.POST, path: "/plans/{plan}/workbooks", handler: "Workbooks" },
  { method: HttpMethod.DELETE, path: "/plans/{plan}/workbooks/{workbook}", handler: "Workbooks" },
];

/** The nightly job's entry (invoked by EventBridge Scheduler, not by the API). */
export const nightlyEntry = "functions/nightly/handler.ts";

const repoRoot = fileURLToPath(new URL("..", import.meta.url));

/** Absolute path of an entry file given relative to the repository root. */
export function entryPath(relative: string): string {
  return `${repoRoot}${relative}`;
}
