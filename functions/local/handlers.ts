/**
 * The handler module of every API route, imported by name for the local server. The imports are
 * static strings so esbuild bundles them (the CLI binary `cli/bin.mjs` is an esbuild bundle; an
 * import built from a route's `entry` path at run time cannot be bundled). A test checks that
 * this table and the route tables name the same files.
 */
import type { ApiHandler } from "../http/handler.ts";

type Loader = () => Promise<{ handler: ApiHandler }>;

export const HANDLER_LOADERS: Readonly<Record<string, Loader>> = {
  plans: () => import("../handlers/plans.ts"),
  push: () => import("../handlers/push.ts"),
  changes: () => import("../handlers/changes.ts"),
  history: () => import("../handlers/history.ts"),
  restore: () => import("../handlers/restore.ts"),
  runs: () => import("../handlers/runs.ts"),
  rollups: () => import("../handlers/rollups.ts"),
  movement: () => import("../handlers/movement.ts"),
  members: () => import("../handlers/members.ts"),
  workbooks: () => import("../nightly/workbooks-handler.ts"),
};

/** The handler of a route name; throws for a route nobody added here. */
export async function loadHandler(name: string): Promise<ApiHandler> {
  const load = HANDLER_LOADERS[name];
  if (!load) throw new Error(`functions/local/handlers.ts: no handler for route "${name}"`);
  return (await load()).handler;
}
