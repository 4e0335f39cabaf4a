import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SecretsManagerClient } from "@aws-sdk/client-secrets-manager";
import { GraphCredentialError, graphCredential } from "#functions/nightly/graph-credential.ts";

// A Secrets Manager endpoint on loopback speaking the service's JSON protocol for GetSecretValue.
const secrets = new Map<string, string>();
const server = createServer((req, res) => {
  let body = "";
  req.on("data", (c: Buffer) => (body += c.toString("utf8")));
  req.on("end", () => {
    const { SecretId } = JSON.parse(body) as { SecretId: string };
    const value = secrets.get(SecretId);
    if (req.headers["x-amz-target"] !== "secretsmanager.GetSecretValue" || value === undefined) {
      res.writeHead(400, { "content-type": "application/x-amz-json-1.1" }).end(JSON.stringify({ __type: "ResourceNotFoundException", message: "no such secret" }));
      return;
    }
    res.writeHead(200, { "content-type": "application/x-amz-json-1.1" }).end(JSON.stringify({ ARN: SecretId, Name: SecretId, SecretString: value }));
  });
});
let endpoint = "";
beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const client = () => new SecretsManagerClient({ endpoint, region: "eu-south-1", credentials: { accessKeyId: "test", secretAccessKey: "test" } });

describe("Graph credential from Secrets Manager", () => {
  it.each([
    ["the deploy-time placeholder", JSON.stringify({ clientId: "set-after-deploy", clientSecret: "generated" }), /placeholder/],
    ["text that is not JSON", "client-secret-only", /not JSON/],
    ["JSON without a client secret", JSON.stringify({ clientId: "abc" }), /clientSecret/],
  ])("refuses %s with a message saying what to fix", async (_name, value, message) => {
    const arn = `arn:test:${Math.random()}`;
    secrets.set(arn, value);
    const read = graphCredential(arn, client);
    await expect(read).rejects.toBeInstanceOf(GraphCredentialError);
    await expect(graphCredential(arn, client)).rejects.toThrow(message);
  });

  it("reads the client id and secret once the operator has stored them", async () => {
    const arn = `arn:test:${Math.random()}`;
    secrets.set(arn, JSON.stringify({ clientId: "nightly-app", clientSecret: "s3cret" }));
    await expect(graphCredential(arn, client)).resolves.toEqual({ clientId: "nightly-app", clientSecret: "s3cret" });
  });
});
