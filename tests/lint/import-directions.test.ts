/**
 * The import directions of issue #11, through the project's own ESLint config (eslint.config.js
 * with lint/import-directions.js): each refused direction is reported, alias or relative path
 * alike, and the allowed ones are not.
 */
import { ESLint } from "eslint";
import { describe, expect, it } from "vitest";

const eslint = new ESLint({ cwd: process.cwd() });

/** The rule's messages for `code` linted as if it were the file `path`. */
async function directionsOf(path: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path });
  return (result?.messages ?? []).filter((m) => m.ruleId === "directions/import-directions").map((m) => m.message);
}

describe("import directions", () => {
  it.each([
    ["core importing the backend", "core/sync/x.ts", `import { pushRows } from "#functions/sync/push.ts";`],
    ["core importing the reader by a relative path", "core/sync/x.ts", `import { readWorkbookFile } from "../../xlsx/read-workbook.ts";`],
    ["the backend importing the CLI", "functions/nightly/x.ts", `import { main } from "#cli/main.ts";`],
    ["the backend importing the add-in", "functions/sync/x.ts", `export { t } from "../../addin/i18n/strings.ts";`],
    ["the backend importing dev tools", "functions/local/x.ts", `import { seedPlan } from "../../dev/sample.ts";`],
    ["the add-in importing the backend", "addin/taskpane/x.ts", `import type { SyncStore } from "#functions/store/store.ts";`],
    ["the add-in importing the CLI by a dynamic import", "addin/excel/x.ts", `await import("#cli/main.ts");`],
    ["the CLI importing tests", "cli/x.ts", `import { USERS } from "#tests/support/rows.ts";`],
    ["the infrastructure importing samples", "infra/x.ts", `import { bigDataPlan } from "#samples/seed-workbook.ts";`],
    ["the task pane importing the in-memory host", "addin/taskpane/x.ts", `import { createHost } from "../memory-host/host.ts";`],
    ["a service importing the HTTP layer", "functions/sync/x.ts", `import { BadRequestError } from "../http/errors.ts";`],
    ["the store importing a handler", "functions/store/dynamo/x.ts", `import { handler } from "../../handlers/push.ts";`],
  ])("refuses %s", async (_name, path, code) => {
    expect(await directionsOf(path, code)).toHaveLength(1);
  });

  it.each([
    ["core importing core", "core/sync/x.ts", `import { rowHash } from "./hash.ts";`],
    ["the backend importing core and the reader", "functions/nightly/x.ts", `import { rowHash } from "#core/sync/hash.ts";\nimport { readWorkbookFile } from "#xlsx/read-workbook.ts";`],
    ["the CLI starting the local stack", "cli/commands/x.ts", `import { startLocalStack } from "#functions/local/stack.ts";`],
    ["the preview page using the in-memory host and samples", "addin/preview/x.ts", `import { createHost } from "../memory-host/host.ts";\nimport { bigDataPlan } from "#samples/seed-workbook.ts";`],
    ["a handler using the HTTP layer", "functions/handlers/x.ts", `import { BadRequestError } from "../http/errors.ts";`],
    ["a service raising service errors", "functions/sync/x.ts", `import { InvalidInputError } from "../service-errors.ts";`],
    ["tests importing anything", "tests/x.test.ts", `import { seedPlan } from "../dev/sample.ts";\nimport { main } from "#cli/main.ts";`],
  ])("allows %s", async (_name, path, code) => {
    expect(await directionsOf(path, code)).toEqual([]);
  });
});
