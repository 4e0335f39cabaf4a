/**
 * CDK entry point (`cdk.json` → `npx tsx infra/app.ts`). Env-agnostic stacks and no lookups,
 * so `npm run synth` works offline; `cdk deploy` picks account and region from the profile.
 */
import { buildApp } from "#infra/build-app.ts";

buildApp().app.synth();
