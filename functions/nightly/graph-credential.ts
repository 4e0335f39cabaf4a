/**
 * The nightly app's Graph credential from Secrets Manager (JSON `{clientId, clientSecret}`),
 * read once per Lambda instance, when the first run needs it, never at import. The Secrets
 * Manager client itself is imported then too: the deployed bundle leaves the AWS SDK to the
 * Lambda runtime, and a static import would load it during module init (SPEC §11: ≤ 150 ms).
 */
import type { SecretsManagerClient } from "@aws-sdk/client-secrets-manager";
import * as z from "zod";

const CredentialSchema = z.object({ clientId: z.string().min(1), clientSecret: z.string().min(1) });
export type GraphCredential = z.infer<typeof CredentialSchema>;

/** The secret is missing, still the deploy-time placeholder, or not the expected JSON. */
export class GraphCredentialError extends Error {
  override readonly name = "GraphCredentialError";
}

/** Placeholder the data stack stores until the operator puts the real value (infra/README.md). */
const PLACEHOLDER_CLIENT_ID = "set-after-deploy";

const cached = new Map<string, Promise<GraphCredential>>();

/** Reads and checks the credential (memoised; a failed read is retried next time). */
export function graphCredential(secretArn: string, client?: () => SecretsManagerClient): Promise<GraphCredential> {
  const known = cached.get(secretArn);
  if (known) return known;
  const reading = (async () => {
    const sdk = await import("@aws-sdk/client-secrets-manager");
    const out = await (client?.() ?? new sdk.SecretsManagerClient({})).send(new sdk.GetSecretValueCommand({ SecretId: secretArn }));
    let parsed: unknown;
    try {
      parsed = JSON.parse(out.SecretString ?? "");
    } catch {
      throw new GraphCredentialError("the Graph credential secret is not JSON");
    }
    const credential = CredentialSchema.safeParse(parsed);
    if (!credential.success) throw new GraphCredentialError("the Graph credential secret needs clientId and clientSecret");
    if (credential.data.clientId === PLACEHOLDER_CLIENT_ID) {
      throw new GraphCredentialError("the Graph credential secret still holds the deploy-time placeholder (see infra/README.md)");
    }
    return credential.data;
  })().catch((error: unknown) => {
    cached.delete(secretArn);
    throw error;
  });
  cached.set(secretArn, reading);
  return reading;
}
