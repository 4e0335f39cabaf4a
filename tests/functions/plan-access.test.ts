/**
 * Who may do what to a plan, over real HTTP on DynamoDB Local: staff with the create role open
 * plans and become their admins; admins manage members, readers may look, nobody else sees the
 * plan, and the plan never loses its last admin — not even when two admins demote each other at
 * the same moment.
 */
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { apiPaths, type ErrorBody, type Member, type MembersResponse } from "#core/sync/protocol.ts";
import { main } from "#cli/main.ts";
import { CREATE_PLANS_APP_ROLE, SYNC_ALL_APP_ROLE } from "#functions/auth/roles.ts";
import { call, pushBody } from "#tests/support/api-client.ts";
import { useLocalStack } from "#tests/support/local-stack.ts";
import { priority, USERS } from "#tests/support/rows.ts";

const PLAN = "members-plan";
const stack = useLocalStack();

beforeAll(async () => {
  const s = stack();
  await s.store.createPlan(PLAN, "Members", USERS.admin);
  await s.store.putMember(PLAN, USERS.reader, "reader");
  await s.store.createPlan("other-members", "Other", USERS.stranger);
});

const token = (oid: string): Promise<string> => stack().issuer.mintToken({ oid });

async function members(plan = PLAN): Promise<Member[]> {
  const reply = await call<MembersResponse>(stack().apiUrl, "GET", apiPaths.members(plan), {
    token: await token(USERS.admin),
  });
  expect(reply.status).toBe(200);
  return reply.body.members;
}

async function setRole(as: string, member: string, role: string, plan = PLAN) {
  return call<Member | ErrorBody>(stack().apiUrl, "PUT", apiPaths.member(plan, member), {
    token: await token(as),
    body: { role },
  });
}

async function remove(as: string, member: string, plan = PLAN) {
  return call<ErrorBody | undefined>(stack().apiUrl, "DELETE", apiPaths.member(plan, member), {
    token: await token(as),
  });
}

describe("managing members", () => {
  it("lets an admin add an editor who can then push, and lists every member", async () => {
    // Act
    const added = await setRole(USERS.admin, "new-editor", "editor");
    const push = await call(stack().apiUrl, "POST", apiPaths.sync(PLAN), {
      token: await token("new-editor"),
      body: pushBody([priority("MEM1")]),
    });
    // Assess
    expect(added.status).toBe(201);
    expect(added.body).toEqual({ member: "new-editor", role: "editor" });
    expect(push.status).toBe(200);
    expect(await members()).toEqual(
      expect.arrayContaining([
        { member: USERS.admin, role: "admin" },
        { member: USERS.reader, role: "reader" },
        { member: "new-editor", role: "editor" },
      ]),
    );
  });

  it("changes a role (200) and says so when nothing changes (200, same body)", async () => {
    // Prepare
    await setRole(USERS.admin, "promoted", "reader");
    // Act
    const promoted = await setRole(USERS.admin, "promoted", "editor");
    const again = await setRole(USERS.admin, "promoted", "editor");
    // Assess
    expect([promoted.status, again.status]).toEqual([200, 200]);
    expect(again.body).toEqual({ member: "promoted", role: "editor" });
    expect((await members()).find((m) => m.member === "promoted")?.role).toBe("editor");
  });

  it("removes a member (204), who then no longer sees the plan (404)", async () => {
    // Prepare
    await setRole(USERS.admin, "leaving", "editor");
    // Act
    const removed = await remove(USERS.admin, "leaving");
    const afterwards = await call<ErrorBody>(stack().apiUrl, "GET", apiPaths.changes(PLAN), {
      token: await token("leaving"),
    });
    const again = await remove(USERS.admin, "leaving");
    // Assess
    expect(removed.status).toBe(204);
    expect(afterwards.status).toBe(404);
    expect(again.status).toBe(404);
  });

  it.each<[string, () => Promise<{ status: number; body: unknown }>, number]>([
    [
      "a reader lists the members",
      async () => call(stack().apiUrl, "GET", apiPaths.members(PLAN), { token: await token(USERS.reader) }),
      200,
    ],
    ["a reader changes a role", () => setRole(USERS.reader, USERS.reader, "admin"), 403],
    ["an editor adds a member", () => setRole("new-editor", "someone", "editor"), 403],
    ["an editor removes a member", () => remove("new-editor", USERS.reader), 403],
    [
      "a member of another plan lists the members",
      async () => call(stack().apiUrl, "GET", apiPaths.members(PLAN), { token: await token(USERS.stranger) }),
      404,
    ],
    ["a member of another plan adds themself", () => setRole(USERS.stranger, USERS.stranger, "admin"), 404],
    [
      "an admin of a plan that does not exist",
      () => setRole(USERS.admin, "x", "reader", "no-such-plan"),
      404,
    ],
    [
      "the nightly job (editor on every plan) adds a member",
      async () =>
        call(stack().apiUrl, "PUT", apiPaths.member(PLAN, "x"), {
          token: await stack().issuer.mintToken({
            oid: "nightly-app",
            roles: [SYNC_ALL_APP_ROLE],
            appOnly: true,
          }),
          body: { role: "admin" },
        }),
      403,
    ],
    ["no token", () => call(stack().apiUrl, "GET", apiPaths.members(PLAN)), 401],
  ])("%s → %i", async (_name, act, status) => {
    const reply = await act();
    expect(reply.status).toBe(status);
  });

  it.each<[string, unknown]>([
    ["an unknown role", { role: "owner" }],
    ["no role", {}],
    ["an extra field", { role: "reader", plan: "other" }],
    ["a role that is not a string", { role: 3 }],
  ])("refuses %s with 400 naming the problem", async (_name, body) => {
    const reply = await call<ErrorBody>(stack().apiUrl, "PUT", apiPaths.member(PLAN, "someone"), {
      token: await token(USERS.admin),
      body,
    });
    expect(reply.status).toBe(400);
    expect(reply.body.error.code).toBe("body.invalid");
  });

  it("refuses a member id that cannot be an object id with 400", async () => {
    const reply = await setRole(USERS.admin, "bad id/with slash?", "reader");
    expect(reply.status).toBe(400);
    expect((reply.body as ErrorBody).error.code).toBe("query.invalid");
  });
});

describe("the last admin", () => {
  it("cannot be demoted or removed (409 member.last-admin, it and en)", async () => {
    // Prepare
    await stack().store.createPlan("solo", "Solo", "solo-admin");
    // Act
    const demoted = await setRole("solo-admin", "solo-admin", "editor", "solo");
    const removed = await remove("solo-admin", "solo-admin", "solo");
    // Assess
    expect([demoted.status, removed.status]).toEqual([409, 409]);
    const error = (demoted.body as ErrorBody).error;
    expect(error.code).toBe("member.last-admin");
    expect(error.messages?.it).toMatch(/amministratore/);
    expect(await stack().store.listMembers("solo")).toEqual([{ member: "solo-admin", role: "admin" }]);
  });

  it("can step down once another admin exists", async () => {
    // Prepare
    await stack().store.createPlan("handover", "Handover", "first");
    await setRole("first", "second", "admin", "handover");
    // Act
    const stepDown = await setRole("first", "first", "reader", "handover");
    const secondStepsDown = await setRole("second", "second", "reader", "handover");
    // Assess
    expect(stepDown.status).toBe(200);
    expect(secondStepsDown.status).toBe(409);
    expect(await stack().store.listMembers("handover")).toEqual([
      { member: "first", role: "reader" },
      { member: "second", role: "admin" },
    ]);
  });

  it("survives admins demoting and removing each other concurrently (random interleavings)", async () => {
    let run = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 2, max: 4 }),
        fc.array(fc.record({ actor: fc.nat(3), target: fc.nat(3), remove: fc.boolean() }), {
          minLength: 2,
          maxLength: 6,
        }),
        async (admins, moves) => {
          // Prepare: a plan with `admins` admins
          const plan = `race-${++run}`;
          const ids = Array.from({ length: admins }, (_, i) => `admin-${i}`);
          await stack().store.createPlan(plan, "Race", ids[0] as string);
          for (const id of ids.slice(1)) await stack().store.putMember(plan, id, "admin");
          // Act: every move at once
          const replies = await Promise.all(
            moves.map(async (m) => {
              const actor = ids[m.actor % admins] as string;
              const target = ids[m.target % admins] as string;
              return m.remove ? remove(actor, target, plan) : setRole(actor, target, "editor", plan);
            }),
          );
          // Assess: at least one admin is left, and every refusal is a clean 4xx
          const left = await stack().store.listMembers(plan);
          expect(left.filter((m) => m.role === "admin").length).toBeGreaterThanOrEqual(1);
          for (const reply of replies) expect([200, 201, 204, 403, 404, 409]).toContain(reply.status);
          // Whoever is no longer an admin was changed by a reply that said so.
          const changed = replies.filter((r) => r.status === 200 || r.status === 204).length;
          // (201 only re-adds someone removed earlier in the same race, as an editor.)
          expect(admins - left.filter((m) => m.role === "admin").length).toBeLessThanOrEqual(changed);
        },
      ),
      { numRuns: 12 },
    );
  });
});

describe("actionplan members (CLI over the API)", () => {
  function io() {
    const out: string[] = [];
    const err: string[] = [];
    const io = {
      stdout: (t: string) => void out.push(t),
      stderr: (t: string) => void err.push(t),
      cwd: process.cwd(),
    };
    return { out, err, io };
  }

  it("sets, lists and removes a member", async () => {
    // Prepare
    await stack().store.createPlan("cli-members", "CLI", "cli-admin");
    const common = ["--plan", "cli-members", "--api", stack().apiUrl, "--token", await token("cli-admin")];
    // Act
    const set = io();
    const setCode = await main(
      ["members", "set", ...common, "--member", "cli-editor", "--role", "editor"],
      set.io,
    );
    const list = io();
    const listCode = await main(["members", "list", ...common], list.io);
    const removed = io();
    const removeCode = await main(
      ["members", "remove", ...common, "--member", "cli-editor", "--lang", "en"],
      removed.io,
    );
    // Assess
    expect([setCode, listCode, removeCode]).toEqual([0, 0, 0]);
    expect(set.out).toEqual(["cli-editor: editor"]);
    expect(list.out).toEqual(["cli-admin  admin", "cli-editor  editor"]);
    expect(removed.out).toEqual(["removed: cli-editor"]);
    expect(await stack().store.listMembers("cli-members")).toEqual([{ member: "cli-admin", role: "admin" }]);
  });

  it.each(["ACTIONPLAN_API_URL", "ACTIONPLAN_API"])(
    "takes the API address from $%s when --api is not given",
    async (name) => {
      // Prepare
      await stack().store.createPlan(`cli-env-${name}`, "CLI", "env-admin");
      const run = io();
      const saved = { url: process.env["ACTIONPLAN_API_URL"], old: process.env["ACTIONPLAN_API"] };
      delete process.env["ACTIONPLAN_API_URL"];
      delete process.env["ACTIONPLAN_API"];
      process.env[name] = stack().apiUrl;
      try {
        // Act
        const code = await main(
          ["members", "list", "--plan", `cli-env-${name}`, "--token", await token("env-admin")],
          run.io,
        );
        // Assess
        expect([code, run.out, run.err]).toEqual([0, ["env-admin  admin"], []]);
      } finally {
        for (const [key, value] of [
          ["ACTIONPLAN_API_URL", saved.url],
          ["ACTIONPLAN_API", saved.old],
        ] as const)
          if (value === undefined) delete process.env[key];
          else process.env[key] = value;
      }
    },
  );

  it("prints the API's refusal in the user's language and exits 2", async () => {
    // Prepare
    await stack().store.createPlan("cli-last", "CLI", "only-admin");
    const run = io();
    // Act
    const code = await main(
      [
        "members",
        "remove",
        "--plan",
        "cli-last",
        "--api",
        stack().apiUrl,
        "--token",
        await token("only-admin"),
        "--member",
        "only-admin",
      ],
      run.io,
    );
    // Assess
    expect(code).toBe(2);
    expect(run.err).toEqual([
      "actionplan: errore: Il piano deve avere almeno un amministratore: nomina prima un altro amministratore. (HTTP 409)",
    ]);
  });

  it.each([
    ["no action", ["--plan", "p"]],
    ["an unknown action", ["grant", "--plan", "p"]],
    ["set without --member", ["set", "--plan", "p", "--role", "reader"]],
    ["set with an unknown role", ["set", "--plan", "p", "--member", "m", "--role", "owner"]],
    ["no --plan", ["list"]],
  ])("exits 2 with one line on stderr for %s", async (_name, args) => {
    const run = io();
    const code = await main(["members", ...args, "--api", stack().apiUrl, "--token", "t"], run.io);
    expect(code).toBe(2);
    expect(run.err).toHaveLength(1);
  });
});

describe("creating plans (POST /plans)", () => {
  const creator = (oid: string, appOnly = false): Promise<string> =>
    stack().issuer.mintToken({ oid, roles: [CREATE_PLANS_APP_ROLE], ...(appOnly ? { appOnly } : {}) });

  it("creates a plan whose creator is its only member, as admin (201), then refuses the same id (409)", async () => {
    // Act
    const created = await call(stack().apiUrl, "POST", apiPaths.plans(), {
      token: await creator("planner"),
      body: { plan: "piano-2026", name: "Piano d'azione 2026" },
    });
    const again = await call<ErrorBody>(stack().apiUrl, "POST", apiPaths.plans(), {
      token: await creator("someone-else"),
      body: { plan: "piano-2026", name: "Takeover" },
    });
    // Assess
    expect(created.status).toBe(201);
    expect(created.body).toEqual({ plan: "piano-2026", name: "Piano d'azione 2026", admin: "planner" });
    expect([again.status, again.body.error.code]).toEqual([409, "plan.exists"]);
    expect(await stack().store.listMembers("piano-2026")).toEqual([{ member: "planner", role: "admin" }]);
  });

  it.each<[string, () => Promise<string>, number, string]>([
    ["a user without the app role", () => token("planner"), 403, "auth.create-plan"],
    ["an app-only token with the role", () => creator("some-daemon", true), 403, "auth.create-plan"],
  ])("refuses %s", async (_name, tokenOf, status, code) => {
    const reply = await call<ErrorBody>(stack().apiUrl, "POST", apiPaths.plans(), {
      token: await tokenOf(),
      body: { plan: "not-created", name: "No" },
    });
    expect([reply.status, reply.body.error.code]).toEqual([status, code]);
    expect(await stack().store.planExists("not-created")).toBe(false);
  });

  it.each<[string, unknown]>([
    ["a plan id with a slash", { plan: "a/b", name: "x" }],
    ["an empty name", { plan: "ok-id", name: "  " }],
    ["no name", { plan: "ok-id" }],
    ["an extra field", { plan: "ok-id", name: "x", admin: "me" }],
  ])("refuses %s with 400", async (_name, body) => {
    const reply = await call<ErrorBody>(stack().apiUrl, "POST", apiPaths.plans(), {
      token: await creator("planner"),
      body,
    });
    expect([reply.status, reply.body.error.code]).toEqual([400, "body.invalid"]);
  });

  it("is what `actionplan plans create` does", async () => {
    // Prepare
    const out: string[] = [];
    const err: string[] = [];
    const io = {
      stdout: (t: string) => void out.push(t),
      stderr: (t: string) => void err.push(t),
      cwd: process.cwd(),
    };
    const args = [
      "--plan",
      "cli-plan",
      "--name",
      "Piano CLI",
      "--api",
      stack().apiUrl,
      "--token",
      await creator("cli-planner"),
    ];
    // Act
    const code = await main(["plans", "create", ...args], io);
    const again = await main(["plans", "create", ...args, "--lang", "en"], io);
    // Assess
    expect([code, again]).toEqual([0, 2]);
    expect(out).toEqual(["piano creato: cli-plan (amministratore: cli-planner)"]);
    expect(err).toEqual(["actionplan: error: A plan with this id already exists. (HTTP 409)"]);
  });
});
