/**
 * The local server answers every route the deployed HTTP API has (infra/routes.ts builds the
 * API from the same two tables), so `npm start` and `actionplan serve` serve what AWS does.
 */
import { request } from "node:http";
import { beforeAll, describe, expect, it } from "vitest";
import { ROUTES } from "#functions/routes.ts";
import { WORKBOOK_ROUTES } from "#functions/nightly/workbook-routes.ts";
import { loadHandler } from "#functions/local/handlers.ts";
import { call } from "#tests/support/api-client.ts";
import { useLocalStack } from "#tests/support/local-stack.ts";
import { USERS } from "#tests/support/rows.ts";

const stack = useLocalStack();

beforeAll(async () => {
  await stack().store.createPlan("routes-plan", "Routes", USERS.admin);
});

/** A concrete path for a route path: every {param} gets a harmless value. */
const concrete = (path: string): string =>
  path
    .replace("{plan}", "routes-plan")
    .replace("{entity}", "priority")
    .replace(/\{[a-z]+\}/g, "x");

describe("local server", () => {
  it.each([...ROUTES, ...WORKBOOK_ROUTES].map((r) => [`${r.method} ${r.path}`, r] as const))(
    "dispatches %s to its handler",
    async (_name, route) => {
      const reply = await call<{ error?: { code: string } }>(
        stack().apiUrl,
        route.method,
        concrete(route.path),
        {
          token: await stack().issuer.mintToken({ oid: USERS.admin }),
          ...(route.method === "GET" || route.method === "DELETE" ? {} : { body: {} }),
        },
      );
      // The handler ran: whatever it answered, it was not the router's 404/405.
      expect(reply.body?.error?.code ?? "").not.toMatch(/^(route\.not-found|method\.not-allowed)$/);
      expect(reply.status).toBeLessThan(500);
    },
  );

  it.each(
    [...new Map([...ROUTES, ...WORKBOOK_ROUTES].map((r) => [r.name, r])).values()].map(
      (r) => [r.name, r] as const,
    ),
  )("loads the %s route's handler from the entry file the CDK stack deploys", async (_name, route) => {
    const deployed = (await import(new URL(`../../functions/${route.entry}`, import.meta.url).href)) as {
      handler: unknown;
    };
    expect(await loadHandler(route.name)).toBe(deployed.handler);
  });

  it("still answers an unknown path with 404 and a known path's wrong method with 405", async () => {
    const token = await stack().issuer.mintToken({ oid: USERS.admin });
    const unknown = await call<{ error: { code: string } }>(
      stack().apiUrl,
      "GET",
      "/plans/routes-plan/nothing",
      { token },
    );
    const wrong = await call<{ error: { code: string } }>(
      stack().apiUrl,
      "PATCH",
      "/plans/routes-plan/members",
      { token },
    );
    expect([unknown.status, unknown.body.error.code]).toEqual([404, "route.not-found"]);
    expect([wrong.status, wrong.body.error.code]).toEqual([405, "method.not-allowed"]);
  });

  // Raw request targets that fetch would normalise away: sent as written with node:http.
  it.each(["//", "//evil.example/plans", "///plans/routes-plan/changes", "/%E0%A4%A"])(
    "answers the request target %s with a JSON 404, not a 500",
    async (target) => {
      // Prepare
      const { hostname, port } = new URL(stack().apiUrl);
      // Act
      const reply = await new Promise<{ status: number; body: string }>((resolve, reject) => {
        const req = request({ hostname, port, path: target, method: "GET" }, (res) => {
          let body = "";
          res.setEncoding("utf8");
          res.on("data", (c: string) => (body += c));
          res.on("end", () => resolve({ status: res.statusCode ?? 0, body }));
        });
        req.on("error", reject);
        req.end();
      });
      // Assess
      expect(reply.status).toBe(404);
      expect((JSON.parse(reply.body) as { error: { code: string } }).error.code).toBe("route.not-found");
    },
  );
});
