/**
 * Who may label a write with which source. History records the source of every version, so it
 * must not be client-forgeable: only an app-only token (the nightly job) may write as "nightly".
 * Push and restore both write versions, so both ask here.
 */
import type { Actor } from "../store/store.ts";
import { NotAllowedError } from "../service-errors.ts";
import type { Principal } from "./verify.ts";

/** Throws 403 `auth.nightly-source` when a non-app-only caller claims the nightly source. */
export function assertSourceAllowed(principal: Principal, source: Actor["source"] | undefined): void {
  if (source === "nightly" && !principal.appOnly) throw new NotAllowedError("auth.nightly-source");
}
