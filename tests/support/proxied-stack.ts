/**
 * A local stack whose functions reach DynamoDB Local through the counting / fault-injecting
 * proxy. One per test file (beforeAll / afterAll).
 */
import { afterAll, beforeAll } from "vitest";
import { startDynamoDbLocal, type DynamoDbLocal } from "#functions/local/dynamodb-local.ts";
import { startLocalStack, type LocalStack } from "#functions/local/stack.ts";
import { startDynamoProxy, type DynamoProxy } from "./dynamo-proxy.ts";

export interface ProxiedStack {
  stack: LocalStack;
  proxy: DynamoProxy;
  dynamo: DynamoDbLocal;
}

export function useProxiedStack(env: Record<string, string> = {}): () => ProxiedStack {
  let running: ProxiedStack | undefined;
  beforeAll(async () => {
    process.env["POWERTOOLS_LOG_LEVEL"] ??= "SILENT";
    const dynamo = await startDynamoDbLocal();
    const proxy = await startDynamoProxy(dynamo.endpoint);
    const stack = await startLocalStack({ dynamo, dynamoEndpoint: proxy.endpoint, env });
    running = { stack, proxy, dynamo };
  });
  afterAll(async () => {
    await running?.stack.stop();
    await running?.proxy.stop();
    await running?.dynamo.stop();
  });
  return () => {
    if (!running) throw new Error("proxied stack not started");
    return running;
  };
}
