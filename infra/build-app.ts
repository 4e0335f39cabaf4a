/**
 * Builds the CDK app: the stateful data stack, the hosting stack (the add-in's files; its origin
 * is the one the API's CORS allows), then the stateless API stack that uses both.
 * Kept apart from `app.ts` so tests build the very same app with their own context.
 */
import { App, Validations } from "aws-cdk-lib";
import type { AppProps } from "aws-cdk-lib";
import { AwsSolutionsChecks } from "cdk-nag";
import { readSettings } from "#infra/context.ts";
import { ApiStack } from "#infra/stacks/api-stack.ts";
import { DataStack } from "#infra/stacks/data-stack.ts";
import { HostingStack } from "#infra/stacks/hosting-stack.ts";
import { readReleaseFolder } from "#infra/hosting/release-folder.ts";
import { tableSchema } from "#infra/table-schema.ts";

/** The app and its two stacks. */
export interface ActionPlanApp {
  readonly app: App;
  readonly data: DataStack;
  readonly api: ApiStack;
  readonly hosting: HostingStack;
}

/**
 * Creates the app with the cdk-nag AWS Solutions checks attached (synthesis fails on any
 * finding that is not acknowledged with a reason).
 *
 * @example
 * const { app } = buildApp({ context: { tenantId: "…", apiAudience: "api://…,<api-client-id>", addinOrigin: "https://…" } });
 * app.synth();
 */
export function buildApp(props: AppProps = {}): ActionPlanApp {
  const app = new App(props);
  const settings = readSettings(app.node);
  const data = new DataStack(app, `${settings.prefix}Data`, {
    description: "Action Plan for Excel: plan table and Graph credential (stateful, retained)",
    schema: tableSchema,
  });
  const release = readReleaseFolder(settings.releaseDir, process.cwd());
  const hosting = new HostingStack(app, `${settings.prefix}Hosting`, {
    description: "Action Plan for Excel: the add-in's files (private S3 bucket behind CloudFront)",
    settings,
    ...(release !== undefined ? { release } : {}),
  });
  const api = new ApiStack(app, `${settings.prefix}Api`, {
    description: "Action Plan for Excel: sync API, handlers and nightly job (stateless)",
    planTable: data.planTable,
    graphCredential: data.graphCredential,
    settings,
    addinOrigin: hosting.origin,
  });
  Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
  return { app, data, api, hosting };
}
