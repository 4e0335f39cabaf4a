/**
 * One local stack (DynamoDB Local + API + dev issuer) per test file: started in beforeAll,
 * stopped in afterAll (DynamoDB Local is also killed by an exit hook if the file dies).
 */
import { afterAll, beforeAll } from "vitest";
import { startLocalStack, type LocalStack, type LocalStackOptions } from "#functions/local/stack.ts";

/** Registers the hooks; call the returned function inside tests to get the running stack. */
export function useLocalStack(
  options: LocalStackOptions | (() => Promise<LocalStackOptions>) = {},
): () => LocalStack {
  let stack: LocalStack | undefined;
  beforeAll(async () => {
    process.env["POWERTOOLS_LOG_LEVEL"] ??= "SILENT";
    stack = await startLocalStack(typeof options === "function" ? await options() : options);
  });
  afterAll(async () => {
    await stack?.stop();
  });
  return () => {
    if (!stack) throw new Error("local stack not started");
    return stack;
  };
}
