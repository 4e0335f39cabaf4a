import { describe, expect, it } from "vitest";
import { main } from "#cli/main.ts";
import { useLocalStack } from "#tests/support/local-stack.ts";

// The local server serves the workbook routes like the deployed API does.
const stack = useLocalStack();
const server = {
  get url(): string {
    return stack().apiUrl;
  },
};
let plans = 0;

/** A plan with an admin, an editor and a reader; their tokens from the dev issuer. */
async function planWithMembers() {
  const s = stack();
  const plan = `wb-${process.pid}-${++plans}`;
  await s.store.createPlan(plan, plan, "admin-oid");
  await s.store.putMember(plan, "editor-oid", "editor");
  await s.store.putMember(plan, "reader-oid", "reader");
  const token = (oid: string) => s.issuer.mintToken({ oid });
  return {
    plan,
    admin: await token("admin-oid"),
    editor: await token("editor-oid"),
    reader: await token("reader-oid"),
    stranger: await token("stranger-oid"),
  };
}

async function call(method: string, path: string, token: string | undefined, body?: unknown) {
  const res = await fetch(`${server.url}${path}`, {
    method,
    headers: {
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...(body ? { "content-type": "application/json" } : {}),
    },
    ...(body ? { body: JSON.stringify(body) } : {}),
  });
  const text = await res.text();
  return { status: res.status, body: text ? (JSON.parse(text) as Record<string, unknown>) : undefined };
}

const graphItem = { source: "graph", driveId: "b!drive-1", itemId: "01ITEM", name: "Piano 2024.xlsx" };

describe("workbook registration API (/plans/{plan}/workbooks)", () => {
  it("lets an admin register a workbook that readers then see, with a stable id", async () => {
    // Prepare
    const { plan, admin, reader } = await planWithMembers();
    // Act
    const first = await call("POST", `/plans/${plan}/workbooks`, admin, graphItem);
    const again = await call("POST", `/plans/${plan}/workbooks`, admin, {
      ...graphItem,
      name: "Piano 2024 (rinominato).xlsx",
    });
    const listed = await call("GET", `/plans/${plan}/workbooks`, reader);
    // Assess
    expect(first.status).toBe(201);
    expect(again.body?.["id"]).toBe(first.body?.["id"]);
    expect(listed).toEqual({
      status: 200,
      body: {
        workbooks: [
          expect.objectContaining({
            id: first.body?.["id"],
            name: "Piano 2024 (rinominato).xlsx",
            location: { kind: "graph", driveId: "b!drive-1", itemId: "01ITEM" },
          }),
        ],
      },
    });
  });

  it.each([
    ["no token", "POST", undefined, 401],
    ["a reader", "POST", "reader", 403],
    ["an editor", "POST", "editor", 403],
    ["a non-member", "GET", "stranger", 404],
    ["a reader", "GET", "reader", 200],
  ] as const)("answers %s doing %s with %i", async (_who, method, role, status) => {
    const members = await planWithMembers();
    const token = role === undefined ? undefined : members[role];
    const res = await call(
      method,
      `/plans/${members.plan}/workbooks`,
      token,
      method === "POST" ? graphItem : undefined,
    );
    expect(res.status).toBe(status);
  });

  it.each([
    ["a drive id with a slash", { ...graphItem, driveId: "a/b" }],
    ["an absolute folder path", { source: "folder", path: "/etc/plan.xlsx" }],
    ["a folder path that is not .xlsx", { source: "folder", path: "plan.csv" }],
    ["a folder path climbing out of the folder", { source: "folder", path: "sub/../../plan.xlsx" }],
    ["an unknown source", { source: "ftp", path: "plan.xlsx" }],
  ])("refuses %s with 400", async (_name, body) => {
    const { plan, admin } = await planWithMembers();
    expect((await call("POST", `/plans/${plan}/workbooks`, admin, body)).status).toBe(400);
  });

  it("removes a registration once (204), then answers 404", async () => {
    const { plan, admin } = await planWithMembers();
    const id = String((await call("POST", `/plans/${plan}/workbooks`, admin, graphItem)).body?.["id"]);
    expect((await call("DELETE", `/plans/${plan}/workbooks/${id}`, admin)).status).toBe(204);
    expect((await call("DELETE", `/plans/${plan}/workbooks/${id}`, admin)).status).toBe(404);
    expect((await call("GET", `/plans/${plan}/workbooks`, admin)).body).toEqual({ workbooks: [] });
  });
});

describe("actionplan workbooks (CLI over the API)", () => {
  function io() {
    const out: string[] = [];
    const err: string[] = [];
    return {
      out,
      err,
      io: {
        stdout: (t: string) => void out.push(t),
        stderr: (t: string) => void err.push(t),
        cwd: process.cwd(),
      },
    };
  }

  it("adds, lists and removes a workbook", async () => {
    // Prepare
    const { plan, admin } = await planWithMembers();
    const common = ["--plan", plan, "--api", server.url, "--token", admin];
    // Act
    const add = io();
    const addCode = await main(
      ["workbooks", "add", ...common, "--drive", "b!drive-9", "--item", "01NINE", "--name", "Nove.xlsx"],
      add.io,
    );
    const id = add.out[0]?.replace(/^registrata: /, "") ?? "";
    const list = io();
    const listCode = await main(["workbooks", "list", ...common], list.io);
    const remove = io();
    const removeCode = await main(["workbooks", "remove", ...common, "--id", id], remove.io);
    // Assess
    expect([addCode, listCode, removeCode]).toEqual([0, 0, 0]);
    expect(id).toMatch(/^[0-9a-f]{16}$/);
    expect(list.out).toEqual([`${id}  Nove.xlsx  graph b!drive-9/01NINE`]);
    expect(remove.out).toEqual([`rimossa: ${id}`]);
  });

  it.each([
    ["no action", []],
    ["no --plan", ["list"]],
    [
      "both a drive item and a path",
      ["add", "--plan", "p", "--drive", "d", "--item", "i", "--path", "a.xlsx"],
    ],
  ])("exits 2 with one line on stderr for %s", async (_name, args) => {
    const run = io();
    const code = await main(["workbooks", ...args, "--api", server.url, "--token", "t"], run.io);
    expect(code).toBe(2);
    expect(run.err).toHaveLength(1);
  });

  it("prints the API's message in the user's language and exits 2 when the role is too low", async () => {
    const { plan, reader } = await planWithMembers();
    const run = io();
    const code = await main(
      [
        "workbooks",
        "add",
        "--plan",
        plan,
        "--api",
        server.url,
        "--token",
        reader,
        "--path",
        "a.xlsx",
        "--lang",
        "en",
      ],
      run.io,
    );
    expect(code).toBe(2);
    expect(run.err).toEqual([expect.stringContaining("(HTTP 403)")]);
    expect(run.err[0]).toContain("role");
  });
});
