/**
 * Where the task pane gets the bearer token for the API. Inside Office: nested app authentication
 * (`naa.ts`); against the local stack: a dev token from `<api>/dev/token` (`dev-token.ts`);
 * in the preview page and tests: a token passed in the URL (`static-token.ts`).
 */

/**
 * Why sign-in failed; the task pane shows one message (it/en) per kind (addin/taskpane/error-text.ts).
 * - `not-configured`: the page carries no Entra ID settings (a build that skipped the release step)
 * - `naa-unavailable`: nested app authentication could not start although Office said it is supported
 * - `silent-failed`: the silent request failed for a reason a prompt cannot fix (network, configuration)
 * - `cancelled`: the user closed the sign-in window or dialog
 * - `popup-blocked`: the browser or Office blocked the sign-in window
 * - `interactive-failed`: the prompt ran and failed (consent refused, account not allowed …)
 * - `dialog-failed`: the Office dialog could not be opened or sent something unreadable
 * - `dev-unavailable`: the local stack's dev-token endpoint failed
 */
export type AuthFailure =
  | "not-configured"
  | "naa-unavailable"
  | "silent-failed"
  | "cancelled"
  | "popup-blocked"
  | "interactive-failed"
  | "dialog-failed"
  | "dev-unavailable";

/** Thrown (and shown) when a token cannot be obtained for a reason other than "signed out". */
export class AuthError extends Error {
  override readonly name = "AuthError";
  /** What went wrong, for the pane's message. */
  readonly code: AuthFailure;
  constructor(message: string, options?: { cause?: unknown; code?: AuthFailure }) {
    super(message, options);
    this.code = options?.code ?? "silent-failed";
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
