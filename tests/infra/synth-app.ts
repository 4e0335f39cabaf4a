/**
 * Builds the real CDK app for tests with the context of `cdk.json` (the same values
 * `npm run synth` uses), synthesized into a temporary directory.
 */
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { CfnElement, Stack } from "aws-cdk-lib";
import { Template } from "aws-cdk-lib/assertions";
import type { CloudAssembly } from "aws-cdk-lib/cx-api";
import { buildApp } from "#infra/build-app.ts";
import type { ActionPlanApp } from "#infra/build-app.ts";

/** The context of cdk.json. */
export function cdkJsonContext(): Record<string, unknown> {
  const path = fileURLToPath(new URL("../../cdk.json", import.meta.url));
  const json = JSON.parse(readFileSync(path, "utf8")) as { context: Record<string, unknown> };
  return json.context;
}

/** A synthesized app and the templates of its stacks. */
export interface SynthesizedApp extends ActionPlanApp {
  readonly outdir: string;
  readonly assembly: CloudAssembly;
  readonly dataTemplate: Template;
  readonly apiTemplate: Template;
  readonly hostingTemplate: Template;
}

/**
 * Synthesizes the app once.
 *
 * @param bundle false skips esbuild (context `aws:cdk:bundling-stacks: []`) for tests that only
 *   read template properties; the cdk-nag and bundle tests bundle for real.
 * @param context overrides of cdk.json context. Unless it names a `releaseDir`, the app sees no
 *   release (a folder that does not exist), so a developer's own release/ never changes a test.
 */
export function synthApp(bundle: boolean, context: Record<string, unknown> = {}): SynthesizedApp {
  const outdir = mkdtempSync(join(tmpdir(), "actionplan-cdk-"));
  const built = buildApp({
    outdir,
    context: {
      ...cdkJsonContext(),
      releaseDir: join(outdir, "no-release"),
      ...(bundle ? {} : { "aws:cdk:bundling-stacks": [] }),
      ...context,
    },
  });
  const assembly = built.app.synth();
  return {
    ...built,
    outdir,
    assembly,
    dataTemplate: Template.fromStack(built.data),
    apiTemplate: Template.fromStack(built.api),
    hostingTemplate: Template.fromStack(built.hosting),
  };
}

/** The resources of one type in a template, keyed by logical id. */
export function resourcesOf(template: Template, type: string): Array<[string, { Properties: Record<string, unknown> }]> {
  return Object.entries(template.findResources(type)) as Array<[string, { Properties: Record<string, unknown> }]>;
}

/** The CloudFormation logical id of a construct's default child (a function, queue, role…). */
export function logicalIdOf(stack: Stack, construct: { node: { defaultChild?: unknown } }): string {
  return stack.resolve((construct.node.defaultChild as CfnElement).logicalId) as string;
}
