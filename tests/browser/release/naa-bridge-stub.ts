/**
 * A stub of the nested app authentication bridge the Office host puts in the webview
 * (`window.nestedAppAuthBridge`, the protocol MSAL's BridgeProxy speaks): the silent request
 * answers "interaction required" until the user has signed in through the popup request; every
 * request is recorded in `window.__bridgeCalls`. Returned as the text of an init script.
 */

/** What the stub hands out once signed in. */
export interface BridgeTokens {
  accessToken: string;
  idToken: string;
  account: { homeAccountId: string; environment: string; tenantId: string; username: string; localAccountId: string; name: string };
}

/** The init script (runs before any page script). */
export function naaBridgeScript(tokens: BridgeTokens): string {
  return `(() => {
  const tokens = ${JSON.stringify(tokens)};
  const listeners = [];
  let signedIn = false;
  window.__bridgeCalls = [];
  const reply = (envelope) => setTimeout(() => listeners.forEach((l) => l(JSON.stringify(envelope))), 0);
  window.nestedAppAuthBridge = {
    addEventListener: (_type, listener) => listeners.push(listener),
    removeEventListener: (_type, listener) => listeners.splice(listeners.indexOf(listener), 1),
    postMessage: (text) => {
      const request = JSON.parse(text);
      const params = request.tokenParams || {};
      window.__bridgeCalls.push({ method: request.method, clientId: params.clientId, authority: params.authority, scope: params.scope });
      const base = { messageType: "NestedAppAuthResponse", requestId: request.requestId };
      if (request.method === "GetInitContext")
        return reply({ ...base, success: true, initContext: { sdkName: "stub-office-host", sdkVersion: "1.0.0" } });
      if (request.method === "GetToken" && !signedIn)
        return reply({ ...base, success: false, error: { status: "USER_INTERACTION_REQUIRED", code: "interaction_required", description: "the user has not signed in yet" } });
      if (request.method === "GetToken" || request.method === "GetTokenPopup") {
        signedIn = true;
        return reply({ ...base, success: true, account: tokens.account,
          token: { access_token: tokens.accessToken, id_token: tokens.idToken, expires_in: 3600, scope: params.scope, properties: null } });
      }
      reply({ ...base, success: false, error: { status: "PERSISTENT_ERROR", code: "unsupported", description: request.method } });
    },
  };
})();`;
}
