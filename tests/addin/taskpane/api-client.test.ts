import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createServer } from "node:http";
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { createApiClient } from "#addin/api/client.ts";
import { ApiError } from "#addin/api/errors.ts";
import { staticTokenSource } from "#addin/auth/static-token.ts";
import { devTokenSource } from "#addin/auth/dev-token.ts";
import { AuthError } from "#addin/auth/token-source.ts";
import { tokenDisplayName } from "#addin/auth/token-claims.ts";

/** A loopback server whose answer per plan id is chosen by the test. */
const answers: Record<string, { status: number; body: string }> = {
  ok: { status: 200, body: JSON.stringify({ changes: [], cursor: "c1", hasMore: false }) },
  unauth: { status: 401, body: JSON.stringify({ error: { code: "auth.missing", message: "no token" } }) },
  forbidden: { status: 403, body: JSON.stringify({ error: { code: "auth.role", message: "reader" } }) },
  missing: { status: 404, body: "{}" },
  big: { status: 413, body: JSON.stringify({ error: { code: "body.too-large", message: "too large" } }) },
  refused: {
    status: 400,
    body: JSON.stringify({
      error: {
        code: "body.invalid",
        message: "bad body",
        messages: { it: "corpo non valido", en: "bad body" },
      },
    }),
  },
  crash: {
    status: 500,
    body: JSON.stringify({
      error: { code: "internal", message: "Internal error", correlationId: "corr-42" },
    }),
  },
  garbage: { status: 200, body: JSON.stringify({ changes: "nope" }) },
  html: { status: 200, body: "<html>proxy</html>" },
  // The plan as it stood: a report; one without its lists is not one (readiness over time, #17).
  asof: {
    status: 200,
    body: JSON.stringify({
      schema: 1,
      priorities: [{ code: "5", prl: 8 }],
      lines: [{ code: "5.5", prl: 6 }],
      projects: [{ prl: 6 }],
    }),
  },
  "asof-nolists": { status: 200, body: JSON.stringify({ schema: 1, projects: [] }) },
  moved: {
    status: 200,
    body: JSON.stringify({
      schema: 1,
      plan: "moved",
      from: "2026-02-01T00:00:00.000Z",
      to: "2026-03-20T23:59:59.999Z",
      projects: [
        {
          project: "DGH",
          kind: "changed",
          fields: ["prl"],
          before: { prl: 6, funded: 0 },
          after: { prl: 8, funded: 450000 },
        },
      ],
    }),
  },
  "moved-bad": {
    status: 200,
    body: JSON.stringify({
      schema: 1,
      plan: "x",
      from: "a",
      to: "b",
      projects: [{ project: "DGH", kind: "moved", fields: [] }],
    }),
  },
};

let server: Server;
let base = "";
let seenAuth: string | undefined;

beforeAll(async () => {
  server = createServer((req, res) => {
    seenAuth = req.headers.authorization;
    const url = new URL(req.url ?? "/", "http://x");
    if (url.pathname === "/dev/token") {
      res
        .writeHead(200, { "content-type": "application/json" })
        .end(JSON.stringify({ token: `dev-${url.searchParams.get("user")}` }));
      return;
    }
    const plan = decodeURIComponent(url.pathname.split("/")[2] ?? "");
    const a = answers[plan] ?? { status: 404, body: "{}" };
    res.writeHead(a.status, { "content-type": "application/json" }).end(a.body);
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => new Promise<void>((r) => server.close(() => r())));

async function failure(p: Promise<unknown>): Promise<ApiError> {
  const e: unknown = await p.then(
    () => undefined,
    (x: unknown) => x,
  );
  if (!(e instanceof ApiError)) throw new Error(`expected an ApiError, got ${String(e)}`);
  return e;
}

describe("API client over real HTTP", () => {
  it("sends the bearer token and parses a protocol response", async () => {
    // Prepare
    const api = createApiClient({ baseUrl: `${base}/`, tokens: staticTokenSource("tok-1", "anna") });
    // Act
    const res = await api.changes("ok");
    // Assess
    expect(res.cursor).toBe("c1");
    expect(seenAuth).toBe("Bearer tok-1");
  });

  it.each([
    ["unauth", "signed-out", 401],
    ["forbidden", "forbidden", 403],
    ["missing", "not-found", 404],
    ["big", "too-large", 413],
    ["refused", "refused", 400],
    ["crash", "server", 500],
    ["garbage", "bad-response", 200],
    ["html", "bad-response", 200],
  ] as const)("answer %s becomes an ApiError of kind %s", async (plan, kind, status) => {
    const api = createApiClient({ baseUrl: base, tokens: staticTokenSource("t") });
    const e = await failure(api.changes(plan));
    expect([e.kind, e.statusCode]).toEqual([kind, status]);
  });

  it("asks for the plan as it stood and for what moved, with the dates in the query; checks both answers", async () => {
    // Prepare
    const seen: string[] = [];
    const api = createApiClient({
      baseUrl: base,
      tokens: staticTokenSource("t"),
      fetch: (input, init) => {
        seen.push(String(input));
        return fetch(input, init);
      },
    });
    // Act
    const then = await api.rollupsAsOf("asof", "2026-02-01");
    const moved = await api.movement("moved", "2026-02-01T09:00:00+01:00", "2026-03-20");
    // Assess
    expect(then.lines).toEqual([{ code: "5.5", prl: 6 }]);
    expect(moved.projects[0]).toMatchObject({ project: "DGH", before: { prl: 6 }, after: { prl: 8 } });
    expect(seen.map((u) => u.slice(base.length))).toEqual([
      "/plans/asof/rollups?asOf=2026-02-01",
      "/plans/moved/movement?from=2026-02-01T09%3A00%3A00%2B01%3A00&to=2026-03-20",
    ]);
    expect((await failure(api.rollupsAsOf("asof-nolists", "2026-02-01"))).kind).toBe("bad-response");
    expect((await failure(api.movement("moved-bad", "2026-02-01"))).kind).toBe("bad-response");
  });

  it("keeps the server's localized message and correlation id", async () => {
    const api = createApiClient({ baseUrl: base, tokens: staticTokenSource("t") });
    expect((await failure(api.changes("refused"))).body?.messages?.it).toBe("corpo non valido");
    expect((await failure(api.changes("crash"))).body?.correlationId).toBe("corr-42");
  });

  it("reports offline when nothing listens", async () => {
    const closed = createServer();
    await new Promise<void>((r) => closed.listen(0, "127.0.0.1", r));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((r) => closed.close(() => r()));
    const api = createApiClient({ baseUrl: `http://127.0.0.1:${port}`, tokens: staticTokenSource("t") });
    expect((await failure(api.changes("ok"))).kind).toBe("offline");
  });

  it("does not call the server when signed out", async () => {
    seenAuth = "untouched";
    const tokens = staticTokenSource("t");
    await tokens.signOut();
    const api = createApiClient({ baseUrl: base, tokens });
    expect((await failure(api.changes("ok"))).kind).toBe("signed-out");
    expect(seenAuth).toBe("untouched");
  });
});

describe("dev token source", () => {
  it("mints a token for the user from the local stack and forgets it on sign-out", async () => {
    const source = devTokenSource(base, "bruno");
    expect(await source.getToken()).toBe("dev-bruno");
    expect(source.user()).toBe("bruno");
    await source.signOut();
    expect(await source.getToken()).toBeUndefined();
    expect(await source.getToken({ interactive: true })).toBe("dev-bruno");
  });

  it("is signed out when the server mints no dev tokens", async () => {
    const source = devTokenSource(`${base}/nowhere`, "x");
    expect(await source.getToken()).toBeUndefined();
  });

  it("fails with an AuthError when the dev endpoint cannot be reached", async () => {
    const source = devTokenSource("http://127.0.0.1:9", "x");
    await expect(source.getToken()).rejects.toBeInstanceOf(AuthError);
  });
});

describe("token display name", () => {
  const jwt = (payload: object) => `e30.${Buffer.from(JSON.stringify(payload)).toString("base64url")}.sig`;
  it.each([
    [jwt({ name: "Anna Rossi" }), "Anna Rossi"],
    [jwt({ preferred_username: "anna@clust-er.it" }), "anna@clust-er.it"],
    [jwt({ name: "Niccolò Ælfrić" }), "Niccolò Ælfrić"],
    [jwt({ sub: "x" }), undefined],
    ["not-a-jwt", undefined],
    ["a.%%%.c", undefined],
  ])("reads the user's name from %s", (token, expected) => {
    expect(tokenDisplayName(token)).toBe(expected);
  });

  it("shows the token's name for a static token, else the given user", () => {
    expect(staticTokenSource(jwt({ name: "Bruno" }), "bruno").user()).toBe("Bruno");
    expect(staticTokenSource("opaque", "bruno").user()).toBe("bruno");
  });
});
