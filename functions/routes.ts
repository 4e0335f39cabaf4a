/**
 * The API's routes: one Lambda entry file per route (the CDK stack bundles each `entry` on its
 * own), and the table the local server dispatches with.
 */
export interface RouteDef {
  method: "GET" | "POST" | "PUT" | "DELETE";
  /** API Gateway route path with `{param}` placeholders. */
  path: string;
  /** Entry file, relative to functions/. Exports `handler`. */
  entry: string;
  /** A short name for the function. */
  name: string;
}

export const ROUTES: readonly RouteDef[] = [
  { method: "POST", path: "/plans", entry: "handlers/plans.ts", name: "plans" },
  { method: "POST", path: "/plans/{plan}/sync", entry: "handlers/push.ts", name: "push" },
  { method: "GET", path: "/plans/{plan}/changes", entry: "handlers/changes.ts", name: "changes" },
  {
    method: "GET",
    path: "/plans/{plan}/rows/{entity}/{key}/history",
    entry: "handlers/history.ts",
    name: "history",
  },
  {
    method: "POST",
    path: "/plans/{plan}/rows/{entity}/{key}/restore",
    entry: "handlers/restore.ts",
    name: "restore",
  },
  { method: "GET", path: "/plans/{plan}/runs", entry: "handlers/runs.ts", name: "runs" },
  { method: "GET", path: "/plans/{plan}/rollups", entry: "handlers/rollups.ts", name: "rollups" },
  { method: "GET", path: "/plans/{plan}/movement", entry: "handlers/movement.ts", name: "movement" },
  // One entry file serves the three member routes.
  { method: "GET", path: "/plans/{plan}/members", entry: "handlers/members.ts", name: "members" },
  { method: "PUT", path: "/plans/{plan}/members/{member}", entry: "handlers/members.ts", name: "members" },
  { method: "DELETE", path: "/plans/{plan}/members/{member}", entry: "handlers/members.ts", name: "members" },
];

/** Matches a path against a route path; the decoded parameters, or undefined. */
export function matchPath(pattern: string, path: string): Record<string, string> | undefined {
  const want = pattern.split("/");
  const got = path.split("/");
  if (want.length !== got.length) return undefined;
  const params: Record<string, string> = {};
  for (let i = 0; i < want.length; i++) {
    const w = want[i] as string;
    const g = got[i] as string;
    if (w.startsWith("{") && w.endsWith("}")) {
      let value: string;
      try {
        value = decodeURIComponent(g);
      } catch {
        return undefined;
      }
      if (value === "") return undefined;
      params[w.slice(1, -1)] = value;
    } else if (w !== g) return undefined;
  }
  return params;
}
