/**
 * Plan roles (SPEC §9): reader < editor < admin, per plan, from MEMBER items. App-only callers
 * (auth/app-only.ts) holding the `ActionPlan.Sync.All` app role (the nightly job) act as editors on every plan.
 * A plan that does not exist and a plan the caller is not a member of look the same (404), so
 * plan names do not leak; a member whose role is too low gets 403.
 */
import { NotAllowedError, NotFoundInPlanError } from "../service-errors.ts";
import type { Role, SyncStore } from "../store/store.ts";
import type { Principal } from "./verify.ts";

/** The app role of the nightly job (app-only token). */
export const SYNC_ALL_APP_ROLE = "ActionPlan.Sync.All";
/** The app role of the staff who may create plans (assigned to users in Entra ID). */
export const CREATE_PLANS_APP_ROLE = "ActionPlan.Plans.Create";

const RANK: Record<Role, number> = { reader: 1, editor: 2, admin: 3 };

/** Resolves the caller's role on a plan and checks it allows `needed`; returns the role. */
export async function authorize(
  store: SyncStore,
  plan: string,
  principal: Principal,
  needed: Role,
): Promise<Role> {
  const [exists, member] = await Promise.all([store.planExists(plan), store.getMember(plan, principal.id)]);
  if (!exists) throw new NotFoundInPlanError();
  // The sync role is an application permission: it counts only on an app-only token, so a user
  // somehow assigned it (or a delegated token carrying it) gains nothing.
  const role: Role | undefined =
    member ?? (principal.appOnly && principal.appRoles.includes(SYNC_ALL_APP_ROLE) ? "editor" : undefined);
  if (!role) throw new NotFoundInPlanError();
  if (RANK[role] < RANK[needed]) throw new NotAllowedError();
  return role;
}
