import { tokenDisplayName } from "./token-claims.ts";
import type { TokenSource } from "./token-source.ts";

/**
 * A token handed over by whoever opened the page (the preview's `?token=`, a test).
 * Signing out forgets it for good: there is no way to get it back without reloading.
 * The user shown is the token's own name claim, else `user`.
 */
export function staticTokenSource(token: string | undefined, user?: string): TokenSource {
  let current = token !== undefined && token !== "" ? token : undefined;
  return {
    getToken: () => Promise.resolve(current),
    user: () => (current === undefined ? undefined : (tokenDisplayName(current) ?? user)),
    signOut: () => {
      current = undefined;
      return Promise.resolve();
    },
  };
}
