/**
 * The page the Office dialog opens where nested app authentication is missing (see
 * ../dialog-token.ts): signs in with MSAL by redirect (the sign-in page cannot run inside the
 * task pane's iframe) and sends the result to the task pane with `messageParent`. Its redirect
 * URI is this page, registered as a single-page-application redirect of the add-in's app.
 */
import { PublicClientApplication } from "@azure/msal-browser";
import type { DialogMessage } from "../dialog-token.ts";

function meta(name: string): string {
  return document.querySelector<HTMLMetaElement>(`meta[name="actionplan:${name}"]`)?.content.trim() ?? "";
}

function send(message: DialogMessage): void {
  Office.context.ui.messageParent(JSON.stringify(message));
}

async function run(): Promise<void> {
  const scopes = meta("scopes").split(/\s+/).filter(Boolean);
  const pca = new PublicClientApplication({
    auth: {
      clientId: meta("client-id"),
      authority: meta("authority") || "https://login.microsoftonline.com/common",
      redirectUri: `${location.origin}${location.pathname}`,
    },
    cache: { cacheLocation: "sessionStorage" },
  });
  await pca.initialize();
  const result = await pca.handleRedirectPromise();
  if (result === null) {
    // First visit: go to Entra ID; it comes back here with the result.
    await pca.loginRedirect({ scopes });
    return;
  }
  send({
    type: "token",
    accessToken: result.accessToken,
    expiresOn: result.expiresOn?.getTime() ?? Date.now() + 5 * 60_000,
    ...(result.account?.name ? { name: result.account.name } : {}),
  });
}

void Office.onReady(() => {
  run().catch((error: unknown) => {
    const code = (error as { errorCode?: unknown } | null)?.errorCode;
    send({
      type: "error",
      code: typeof code === "string" ? code : "failed",
      message: error instanceof Error ? error.message : String(error),
    });
  });
});
