/** POST /plans/{plan}/rows/{entity}/{key}/restore {version} — restore a version as a new one (editor). */
import { RestoreRequestSchema } from "#core/sync/protocol.ts";
import { authorize } from "../auth/roles.ts";
import { assertSourceAllowed } from "../auth/source.ts";
import { apiHandler } from "../http/handler.ts";
import { parseBody, planParam } from "../http/request.ts";
import { restoreVersion } from "../sync/history.ts";
import { rowParams } from "./row-params.ts";

export const handler = apiHandler(async ({ event, principal, store, locale }) => {
  const plan = planParam(event);
  await authorize(store, plan, principal, "editor");
  const { entity, key } = rowParams(event);
  const request = parseBody(event, RestoreRequestSchema);
  assertSourceAllowed(principal, request.source);
  return restoreVersion(
    store,
    plan,
    entity,
    key,
    request.version,
    { id: principal.id, source: request.source ?? "addin" },
    locale,
  );
});
