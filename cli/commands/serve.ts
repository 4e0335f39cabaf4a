/**
 * `actionplan serve [--port <n>] [--in-memory]` — the local stack for development: DynamoDB Local,
 * the API, the dev token issuer; seeds the plan "clust-er-2025" with the dev user as admin,
 * prints the API URL and a dev token, and stops everything on Ctrl-C. Without --in-memory the
 * data is kept in .data/dynamodb-local (git-ignored, shared with npm start and npm run nightly). Dev only: the dev issuer is never deployed.
 */
import { mkdirSync } from "node:fs";
import { resolve } from "node:path";
import { EXIT, langOf, parseCommandArgs, type CliIO, type Command } from "../command.ts";
import { t } from "../strings.ts";
import { CREATE_PLANS_APP_ROLE } from "#functions/auth/roles.ts";

const PLAN = "clust-er-2025";
const DEV_USER = "dev-user";

export const command: Command = {
  name: "serve",
  summary: "cmd.serve",
  usage: "usage.serve",
  async run(args: string[], io: CliIO): Promise<number> {
    const { values } = parseCommandArgs(
      args,
      { port: { type: "string" }, "in-memory": { type: "boolean" } },
      "serve",
    );
    const locale = langOf(io);
    const port = values.port === undefined ? 4300 : Number(values.port);
    if (!Number.isInteger(port) || port < 1 || port > 65535) {
      io.stderr(`${t("err.prefix", locale)}: ${t("err.bad-port", locale, { value: values.port ?? "" })}`);
      return EXIT.unusable;
    }
    // Loaded here so other commands never pull the AWS SDK.
    const { startDynamoDbLocal } = await import("#functions/local/dynamodb-local.ts");
    const { startLocalStack } = await import("#functions/local/stack.ts");
    let stack;
    let dynamo: Awaited<ReturnType<typeof startDynamoDbLocal>> | undefined;
    try {
      const inMemory = values["in-memory"] === true;
      const dbPath = resolve(io.cwd, ".data", "dynamodb-local");
      if (!inMemory) mkdirSync(dbPath, { recursive: true });
      const db = await startDynamoDbLocal(inMemory ? {} : { inMemory: false, dbPath });
      dynamo = db;
      stack = await startLocalStack({
        port,
        dynamo: db,
        tableName: "actionplan",
        corsOrigins: ["https://localhost:3000"],
      });
      const s = stack;
      const stopAll = async (): Promise<void> => {
        await s.stop();
        await db.stop();
      };
      await s.store.createPlan(PLAN, "Clust-ER Health Action Plan 2025", DEV_USER);
      const token = await s.issuer.mintToken({
        oid: DEV_USER,
        name: "Dev User",
        expiresIn: 12 * 3600,
        roles: [CREATE_PLANS_APP_ROLE],
      });
      io.stdout(t("serve.ready", locale, { api: s.apiUrl, plan: PLAN, user: DEV_USER, token }));
      await new Promise<void>((done) => {
        const stop = (): void => {
          process.off("SIGINT", stop);
          process.off("SIGTERM", stop);
          void stopAll().then(done, done);
        };
        process.on("SIGINT", stop);
        process.on("SIGTERM", stop);
      });
      io.stdout(t("serve.stopped", locale));
      return EXIT.ok;
    } catch (error) {
      // Stop what did start, the JVM included: a failed start must exit, not hang.
      await stack?.stop().catch(() => undefined);
      await dynamo?.stop().catch(() => undefined);
      io.stderr(
        `${t("err.prefix", locale)}: ${t("serve.failed", locale, { value: error instanceof Error ? (error.message.split("\n")[0] ?? "") : String(error) })}`,
      );
      return EXIT.unusable;
    }
  },
};
