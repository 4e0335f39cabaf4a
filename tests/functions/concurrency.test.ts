/**
 * N concurrent editors with random interleavings (fast-check) over real HTTP: no lost update,
 * every applied change is in the history, and a puller running alongside ends with exactly the
 * store's state.
 */
import { beforeAll, describe, expect, it } from "vitest";
import fc from "fast-check";
import { apiPaths, type Change, type HistoryResponse, type PushResponse } from "#core/sync/protocol.ts";
import { call, pullAll, pushBody } from "#tests/support/api-client.ts";
import { useLocalStack } from "#tests/support/local-stack.ts";
import { priority } from "#tests/support/rows.ts";

const stack = useLocalStack();
const KEYS = ["K1", "K2", "K3"];
let tokens: string[] = [];
let runs = 0;

beforeAll(async () => {
  tokens = await Promise.all([0, 1, 2, 3].map((i) => stack().issuer.mintToken({ oid: `editor-${i}` })));
});

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

interface Edit {
  key: number;
  delay: number;
}

describe("concurrent editors", () => {
  it("lose no update, record every applied change in the history, and a concurrent puller converges", async () => {
    const editorsArb = fc.array(
      fc.array(fc.record({ key: fc.nat({ max: KEYS.length - 1 }), delay: fc.nat({ max: 15 }) }), {
        minLength: 1,
        maxLength: 5,
      }),
      { minLength: 2, maxLength: 4 },
    );
    await fc.assert(
      fc.asyncProperty(editorsArb, async (editors) => {
        // Prepare: a fresh plan, every editor a member
        const plan = `conc-${process.pid}-${++runs}`;
        await stack().store.createPlan(plan, plan, "editor-0");
        for (let i = 1; i < 4; i++) await stack().store.putMember(plan, `editor-${i}`, "editor");
        const applied: { key: string; version: number; title: string }[] = [];
        let done = false;
        const pulled: Change[] = [];
        let cursor: string | undefined;

        // Act: editors push (rebasing on conflict, as the add-in does), a puller pulls meanwhile
        const editor = async (edits: Edit[], e: number): Promise<void> => {
          const known = new Map<string, number>();
          for (const [n, edit] of edits.entries()) {
            await sleep(edit.delay);
            const key = KEYS[edit.key] as string;
            const title = `editor ${e} edit ${n}`;
            for (let attempt = 0; attempt < 20; attempt++) {
              const reply = await call<PushResponse>(stack().apiUrl, "POST", apiPaths.sync(plan), {
                token: tokens[e] as string,
                body: pushBody([priority(key, title, known.get(key) ?? 0)]),
              });
              const result = reply.body.results[0];
              if (result?.status === "conflict") {
                known.set(key, result.current?.version ?? 0);
                continue;
              }
              expect(result?.status).toBe("applied");
              known.set(key, result?.version ?? 0);
              applied.push({ key, version: result?.version ?? 0, title });
              break;
            }
          }
        };
        const puller = async (): Promise<void> => {
          while (!done) {
            const page = await pullAll(stack().apiUrl, plan, tokens[0] as string, cursor, 3);
            pulled.push(...page.changes);
            cursor = page.cursor;
            await sleep(3);
          }
        };
        const pulling = puller();
        await Promise.all(editors.map((edits, e) => editor(edits, e)));
        done = true;
        await pulling;
        const final = await pullAll(stack().apiUrl, plan, tokens[0] as string, cursor);
        pulled.push(...final.changes);

        // Assess: versions per key are 1..n, each applied exactly once, each in the history with its values
        for (const key of KEYS) {
          const mine = applied.filter((a) => a.key === key).sort((a, b) => a.version - b.version);
          expect(mine.map((a) => a.version)).toEqual(mine.map((_, i) => i + 1));
          if (mine.length === 0) continue;
          const history = await call<HistoryResponse>(
            stack().apiUrl,
            "GET",
            apiPaths.history(plan, "priority", key),
            { token: tokens[0] as string },
          );
          expect(history.body.versions.map((v) => [v.version, v.values["title"]])).toEqual(
            mine.map((a) => [a.version, a.title]),
          );
        }
        // The pulled stream holds every applied change once, and its last versions are the store.
        expect(pulled.map((c) => `${c.key}@${c.version}`).sort()).toEqual(
          applied.map((a) => `${a.key}@${a.version}`).sort(),
        );
        const state = new Map(pulled.map((c) => [c.key, c.values["title"]]));
        const stored = await stack().store.listRows(plan);
        expect(new Map(stored.map((r) => [r.key, r.values["title"]]))).toEqual(state);
      }),
      { numRuns: 12 },
    );
  }, 180_000);
});
