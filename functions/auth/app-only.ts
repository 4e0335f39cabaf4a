/**
 * Telling an app-only (client credentials) access token from a delegated (user) one, following
 * Microsoft's documentation of Entra ID access token claims:
 * - `idtyp` — an optional access token claim — is `app` for app-only tokens and `user` for
 *   delegated ones; when present it is the most accurate signal and it decides;
 * - without it, a delegated token always carries `scp` (the scopes the user consented to) and an
 *   app-only token never does (it carries app permissions in `roles` only).
 * A token with neither `scp` nor `idtyp` is therefore app-only: it may not create plans, and it
 * still needs a plan role (a membership, or the sync app role) for anything on a plan.
 */
import type { JWTPayload } from "jose";

/** true when the verified access token was issued to an application acting as itself. */
export function isAppOnlyToken(payload: JWTPayload): boolean {
  const idtyp = payload["idtyp"];
  if (idtyp === "app") return true;
  if (idtyp !== undefined) return false; // "user" (or any other value): never app-only
  const scp = payload["scp"];
  return scp === undefined || scp === null || scp === "";
}
