/**
 * Where the task pane gets the bearer token for the API. Inside Office: nested app authentication
 * (`naa.ts`); against the local stack: a dev token from `<api>/dev/token` (`dev-token.ts`);
 * in the preview page and tests: a token passed in the URL (`static-token.ts`).
 */

/** Thrown (and shown) when a token cannot be obtained for a reason other than "signed out". */
export class AuthError extends Error {
  override readonly name = "AuthError";
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
  }
}

export interface TokenSource {
  /**
   * A bearer token, or `undefined` when the user is signed out. `interactive` allows a prompt
   * (only after a user's click: Office blocks pop-ups otherwise).
   */
  getToken(options?: { interactive?: boolean }): Promise<string | undefined>;
  /** Display name of the signed-in user, when known. */
  user(): string | undefined;
  /** Forgets the cached token (the next call to `getToken` signs in again). */
  signOut(): Promise<void>;
}
