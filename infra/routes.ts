/**
 * The HTTP API's routes and the handler behind each, derived from the sync service's route table
 * (`functions/routes.ts`, which the local server dispatches with) plus the nightly job's
 * workbook-registration routes: one Lambda per entry file, one API route per method + path.
 * What each handler may do to the table is decided here, route by route (least privilege).
 */
import { fileURLToPath } from "node:url";
import { HttpMethod } from "aws-cdk-lib/aws-apigatewayv2";
import { ROUTES } from "#functions/routes.ts";
import { WORKBOOK_ROUTES } from "#functions/nightly/workbook-routes.ts";
import type { TableAccess } from "#infra/constructs/table-grants.ts";

/** One Lambda handler of the API. */
export interface HandlerSpec {
  /** Construct id, e.g. "Push". */
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

/**
 * Table access per route name. Reads that may write are "read-write": the change stream fences
 * abandoned sequence numbers with a Put; rollups and movement store the checkpoints and the kept
 * report they build (functions/sync/live-rows.ts, rollups.ts). A route missing here fails synthesis, so a new route
 * cannot ship with a guessed grant.
 */
const ACCESS: Readonly<Record<string, TableAccess>> = {
  push: "read-write",
  changes: "read-write",
  history: "read",
  restore: "read-write",
  runs: "read",
  rollups: "read-write",
  movement: "read-write",
  members: "read-write",
  plans: "read-write",
  workbooks: "read-write",
};

interface SourceRoute {
  readonly method: string;
  readonly path: string;
  /** Relative to functions/. */
  readonly entry: string;
  readonly name: string;
}

const METHODS: Readonly<Record<string, HttpMethod>> = { GET: HttpMethod.GET, POST: HttpMethod.POST, DELETE: HttpMethod.DELETE, PUT: HttpMethod.PUT };

function constructId(name: string): string {
  return name.charAt(0).toUpperCase() + name.slice(1);
}

function build(source: readonly SourceRoute[]): { handlers: HandlerSpec[]; routes: RouteSpec[] } {
  const handlers = new Map<string, HandlerSpec>();
  const routes: RouteSpec[] = [];
  for (const route of source) {
    const access = ACCESS[route.name];
    if (!access) throw new Error(`infra/routes.ts: no table access decided for route "${route.name}" (${route.method} ${route.path})`);
    const method = METHODS[route.method];
    if (!method) throw new Error(`infra/routes.ts: unsupported method ${route.method}`);
    const id = constructId(route.name);
    const entry = `functions/${route.entry}`;
    const known = handlers.get(id);
    if (known && known.entry !== entry) throw new Error(`infra/routes.ts: route name "${route.name}" used for two entry files`);
    handlers.set(id, known ?? { id, entry, access, description: `${route.method} ${route.path}` });
    routes.push({ method, path: route.path, handler: id });
  }
  return { handlers: [...handlers.values()], routes };
}

const built = build([...ROUTES, ...WORKBOOK_ROUTES]);

/** The API handlers: one Lambda each. */
export const handlers: readonly HandlerSpec[] = built.handlers;

/** The routes; every one requires a valid Entra ID token (the JWT authorizer) and checks plan roles inside. */
export const routes: readonly RouteSpec[] = built.routes;

/** The nightly job's entry (invoked by EventBridge Scheduler, not by the API). */
export const nightlyEntry = "functions/nightly/handler.ts";

const repoRoot = fileURLToPath(new URL("..", import.meta.url));

/** Absolute path of an entry file given relative to the repository root. */
export function entryPath(relative: string): string {
  return `${repoRoot}${relative}`;
}
