/**
 * Everything a nightly test needs, started once per file: DynamoDB Local with the sync table
 * (the sync service's local stack), the fake Entra ID + Graph over TLS on loopback, and the job's
 * dependencies wired the way the Lambda wires them (real push service, real registry).
 */
import { afterAll, beforeAll } from "vitest";
import { config } from "#functions/config.ts";
import { createDocumentClient } from "#functions/store/client.ts";
import { pushRows } from "#functions/sync/push.ts";
import { GraphWorkbookSource } from "#functions/nightly/graph-source.ts";
import { createGraphTokenProvider } from "#functions/nightly/graph-token.ts";
import { DynamoWorkbookRegistry } from "#functions/nightly/registry-dynamo.ts";
import { newRegistration } from "#functions/nightly/registry.ts";
import type { RegistrationRequest, WorkbookRegistration } from "#functions/nightly/registry.ts";
import type { NightlyDeps } from "#functions/nightly/run-job.ts";
import type { LocalStack } from "#functions/local/stack.ts";
import { useLocalStack } from "#tests/support/local-stack.ts";
import { startFakeGraph } from "./fake-graph.ts";
import type { FakeGraph } from "./fake-graph.ts";
import { makeCertificate } from "./tls.ts";
import type { TestCertificate } from "./tls.ts";

export interface NightlyHarness {
  readonly stack: LocalStack;
  readonly graph: FakeGraph;
  readonly tls: TestCertificate;
  readonly registry: DynamoWorkbookRegistry;
  /** The job's dependencies (Graph source with short retry waits unless overridden). */
  deps(overrides?: Partial<NightlyDeps>): NightlyDeps;
  /** A new plan in the store, with an admin; returns its id. */
  newPlan(): Promise<string>;
  /** Registers a workbook for a plan. */
  register(plan: string, request: RegistrationRequest): Promise<WorkbookRegistration>;
}

let plans = 0;

export function useNightlyHarness(): () => NightlyHarness {
  const stack = useLocalStack();
  let harness: NightlyHarness | undefined;
  let graph: FakeGraph | undefined;
  beforeAll(async () => {
    const tls = makeCertificate();
    graph = await startFakeGraph(tls);
    const g = graph;
    const registry = new DynamoWorkbookRegistry(createDocumentClient(config()), stack().tableName);
    const token = createGraphTokenProvider({
      tenantId: g.tenantId,
      clientId: g.clientId,
      clientSecret: g.clientSecret,
      authority: g.authority,
      agent: tls.agent,
    });
    const source = new GraphWorkbookSource({ token, baseUrl: g.graphBaseUrl, agent: tls.agent, maxAttempts: 4, maxWaitMs: 5_000 });
    harness = {
      stack: stack(),
      graph: g,
      tls,
      registry,
      deps: (overrides = {}) => ({
        registry,
        sources: { graph: source },
        push: (plan, request, actor, locale) => pushRows(stack().store, plan, request, actor, locale),
        putRun: (plan, report) => stack().store.putRun(plan, report),
        actorId: g.clientId,
        concurrency: 3,
        ...overrides,
      }),
      async newPlan() {
        const plan = `nightly-${process.pid}-${++plans}`;
        await stack().store.createPlan(plan, plan, "admin-oid");
        return plan;
      },
      register: (plan, request) => registry.put(newRegistration(plan, request, "admin-oid", new Date())),
    };
  });
  afterAll(async () => {
    await graph?.stop();
  });
  return () => {
    if (!harness) throw new Error("nightly harness not started");
    return harness;
  };
}
