import { AuthError } from "./token-source.ts";
import type { TokenSource } from "./token-source.ts";

/** Shape of `GET <api>/dev/token` served by the local dev server only. */
interface DevTokenBody {
  token: string;
  expiresAt?: number | string;
}

function isDevTokenBody(v: unknown): v is DevTokenBody {
  return typeof v === "object" && v !== null && typeof (v as { token?: unknown }).token === "string";
}

/**
 * Tokens minted by the local stack's dev issuer (`GET <api>/dev/token?user=…`), for running the
 * add-in against `actionplan serve`. The token is cached until signed out. A 404 means the server
 * mints no dev tokens: the user is simply signed out. An unreachable endpoint or another failure
 * is an `AuthError` the UI shows.
 */
export function devTokenSource(apiUrl: string, user: string, fetchImpl: typeof fetch = fetch): TokenSource {
  let cached: string | undefined;
  let signedOut = false;
  return {
    async getToken(options) {
      if (cached !== undefined) return cached;
      if (signedOut && options?.interactive !== true) return undefined;
      const url = `${apiUrl.replace(/\/+$/, "")}/dev/token?user=${encodeURIComponent(user)}`;
      let res: Response;
      try {
        res = await fetchImpl(url);
      } catch (cause) {
        throw new AuthError("dev token endpoint unreachable", { cause, code: "dev-unavailable" });
      }
      if (res.status === 404) return undefined;
      if (!res.ok) throw new AuthError(`dev token endpoint answered ${res.status}`, { code: "dev-unavailable" });
      const body: unknown = await res.json();
      if (!isDevTokenBody(body)) throw new AuthError("dev token endpoint sent no token", { code: "dev-unavailable" });
      signedOut = false;
      cached = body.token;
      return cached;
    },
    user: () => (cached === undefined ? undefined : user),
    signOut() {
      cached = undefined;
      signedOut = true;
      return Promise.resolve();
    },
  };
}
