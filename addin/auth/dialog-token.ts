/**
 * The documented fallback where Office has no nested app authentication
 * (`isSetSupported("NestedAppAuth", "1.1")` is false): sign-in in an Office dialog
 * (learn.microsoft.com/office/dev/add-ins/develop/auth-with-office-dialog-api). The dialog opens
 * `auth-dialog.html` on the add-in's own origin, which signs in with MSAL by redirect and sends
 * the token back with `messageParent`. The dialog is opened only after a user's click; the token
 * is kept in memory until it expires.
 */
import { AuthError } from "./token-source.ts";
import type { AuthFailure, TokenSource } from "./token-source.ts";

/** What the dialog page sends back (JSON text through `messageParent`). */
export type DialogMessage =
  | { type: "token"; accessToken: string; expiresOn: number; name?: string }
  | { type: "error"; code: string; message?: string };

/** Office dialog failure codes (Office.context.ui.displayDialogAsync / DialogEventReceived). */
export const DIALOG_ERRORS: Readonly<Record<number, AuthFailure>> = {
  12006: "cancelled", // the user closed the dialog
  12009: "popup-blocked", // the user chose to ignore the dialog
  12011: "popup-blocked", // the browser's pop-up blocker
};

/** A dialog failure with Office's numeric code. */
export class DialogError extends Error {
  override readonly name = "DialogError";
  constructor(readonly code: number) {
    super(`Office dialog error ${String(code)}`);
  }
}

/** Where the dialog source opens its dialog (a test stubs the Office dialog API here). */
export interface DialogDeps {
  /** Opens `url` in an Office dialog; resolves with the first message, rejects with `DialogError`. */
  openDialog(url: string): Promise<string>;
  /** Absolute URL of auth-dialog.html on the add-in's origin. */
  dialogUrl: string;
  /** Milliseconds since the epoch (default `Date.now`). */
  now?: () => number;
}

function parseMessage(text: string): DialogMessage | undefined {
  try {
    const v = JSON.parse(text) as Partial<DialogMessage> | null;
    if (v?.type === "token" && typeof v.accessToken === "string" && typeof v.expiresOn === "number") return v as DialogMessage;
    if (v?.type === "error" && typeof v.code === "string") return v as DialogMessage;
  } catch (error) {
    // Not JSON: reported by the caller as unreadable. Anything else is a bug of ours.
    if (!(error instanceof SyntaxError)) throw error;
  }
  return undefined;
}

/** A `TokenSource` that signs in through the Office dialog API. */
export function dialogTokenSource(deps: DialogDeps): TokenSource {
  const now = deps.now ?? Date.now;
  let token: { value: string; expiresOn: number; name?: string } | undefined;
  return {
    async getToken(options) {
      // A minute's margin: a request must not leave with a token that expires on the way.
      if (token !== undefined && token.expiresOn - 60_000 > now()) return token.value;
      token = undefined;
      if (options?.interactive !== true) return undefined;
      let text: string;
      try {
        text = await deps.openDialog(deps.dialogUrl);
      } catch (cause) {
        const code = cause instanceof DialogError ? (DIALOG_ERRORS[cause.code] ?? "dialog-failed") : "dialog-failed";
        throw new AuthError("the sign-in dialog did not complete", { cause, code });
      }
      const message = parseMessage(text);
      if (message === undefined) throw new AuthError("the sign-in dialog sent an unreadable answer", { code: "dialog-failed" });
      if (message.type === "error") {
        const code: AuthFailure = message.code === "user_cancelled" ? "cancelled" : "interactive-failed";
        throw new AuthError(message.message ?? message.code, { code });
      }
      token = { value: message.accessToken, expiresOn: message.expiresOn, ...(message.name ? { name: message.name } : {}) };
      return token.value;
    },
    user: () => token?.name,
    signOut() {
      token = undefined;
      return Promise.resolve();
    },
  };
}
