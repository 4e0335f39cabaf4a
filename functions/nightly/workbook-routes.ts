/**
 * The admin routes that register workbooks for the nightly sync, in the shape of the sync
 * service's route table (`functions/routes.ts`): the CDK stack and the local server read it.
 */
import type { RouteDef } from "#functions/routes.ts";

/** One entry file serves the three routes (entry relative to functions/). */
export const WORKBOOK_ROUTES: readonly RouteDef[] = [
  { method: "GET", path: "/plans/{plan}/workbooks", entry: "nightly/workbooks-handler.ts", name: "workbooks" },
  { method: "POST", path: "/plans/{plan}/workbooks", entry: "nightly/workbooks-handler.ts", name: "workbooks" },
  { method: "DELETE", path: "/plans/{plan}/workbooks/{workbook}", entry: "nightly/workbooks-handler.ts", name: "workbooks" },
];
