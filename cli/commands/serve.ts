/**
 * `actionplan serve [--port <n>] [--in-memory]` — the local stack for development: DynamoDB Local,
 * the API, the dev token issuer; seeds the plan "clust-er-2025" with the dev user as admin,
 * prints the API URL and a dev token, and stops everything on Ctrl-C. Without --in-memory the
 * data is kept in .data/dynamodb-local (git-ignored, shared with npm start and npm run nightly). Dev only: the dev issuer is never deployed.
 */
import { fillTemplate } from "#core/i18n/template.ts";
import { mkdirSync } from "node:fs";
import { resolve } from "node:path";
import type { Locale } from "#core/snapshot/types.ts";
import { EXIT, localeOption, parseCommandArgs, type CliIO, type Command } from "../command.ts";
import { CREATE_PLANS_APP_ROLE } from "#functions/auth/roles.ts";

const PLAN = "clust-er-2025";
const DEV_USER = "dev-user";

const TEXT = {
  ready: {
    it: "Stack locale pronto.\n  API:    {api}\n  Piano:  {plan} (utente di sviluppo {user}, admin)\n  Token:  {token}\nCtrl-C per fermare.",
    en: "Local stack ready.\n  API:    {api}\n  Plan:   {plan} (dev user {user}, admin)\n  Token:  {token}\nCtrl-C to stop.",
  },
  badPort: { it: "porta non valida: {value}", en: "invalid port: {value}" },
  stopped: { it: "Stack locale fermato.", en: "Local stack stopped." },
  failed: { it: "avvio non riuscito: {value}", en: "start failed: {value}" },
} as const;

function say(key: keyof typeof TEXT, locale: Locale, params: Record<string, string | number> = {}): string {
  return fillTemplate(TEXT[key][locale], params);
}

export const command: Command = {
  name: "serve",
  summary: {
    it: "avvia lo stack locale (DynamoDB Local, API, token di sviluppo)",
    en: "start the local stack (DynamoDB Local, API, dev tokens)",
  },
  async run(args: string[], io: CliIO): Promise<number> {
    const { values } = parseCommandArgs(
      args,
      { port: { type: "string" }, "in-memory": { type: "boolean" }, locale: { type: "string" } },
      "serve",
    );
    const locale = localeOption(values.locale);
    const port = values.port === undefined ? 4300 : Number(values.port);
    if (!Number.isInteger(port) || port < 1 || port > 65535) {
      io.stderr(`actionplan serve: ${say("badPort", locale, { value: values.port ?? "" })}`);
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
      io.stdout(say("ready", locale, { api: s.apiUrl, plan: PLAN, user: DEV_USER, token }));
      await new Promise<void>((done) => {
        const stop = (): void => {
          process.off("SIGINT", stop);
          process.off("SIGTERM", stop);
          void stopAll().then(done, done);
        };
        process.on("SIGINT", stop);
        process.on("SIGTERM", stop);
      });
      io.stdout(say("stopped", locale));
      return EXIT.ok;
    } catch (error) {
      // Stop what did start, the JVM included: a failed start must exit, not hang.
      await stack?.stop().catch(() => undefined);
      await dynamo?.stop().catch(() => undefined);
      io.stderr(
        `actionplan serve: ${say("failed", locale, { value: error instanceof Error ? (error.message.split("\n")[0] ?? "") : String(error) })}`,
      );
      return EXIT.unusable;
    }
  },
};
