/**
 * The one place that says how every Action Plan Lambda is built and run (STYLE item 9):
 * arm64, Node 22, ESM bundle with source maps made by the local esbuild, its own log group
 * with a retention, X-Ray tracing, Powertools defaults, and a role that starts with nothing
 * but the right to write its own logs. Callers add grants (least privilege) on `fn`.
 */
import { Duration, Validations } from "aws-cdk-lib";
import { Architecture, LoggingFormat, Runtime, Tracing } from "aws-cdk-lib/aws-lambda";
import { LogLevel, NodejsFunction, OutputFormat } from "aws-cdk-lib/aws-lambda-nodejs";
import { LogGroup, RetentionDays } from "aws-cdk-lib/aws-logs";
import { Role, ServicePrincipal } from "aws-cdk-lib/aws-iam";
import { Construct } from "constructs";

/** What differs between handlers; everything else is a shared default. */
export interface ActionPlanFunctionProps {
  /** Absolute path of the handler's TypeScript entry file (exports `handler`). */
  readonly entry: string;
  /** One line saying what the function does (shown in the console). */
  readonly description: string;
  /** Extra environment variables, merged over the defaults. */
  readonly environment?: Readonly<Record<string, string>>;
  /** @default 10 seconds (API handlers sit behind a 30 s HTTP API limit) */
  readonly timeout?: Duration;
  /** @default 512 MB (arm64 CPU scales with memory; workbook parsing wants more) */
  readonly memorySize?: number;
  /** @default three months */
  readonly logRetention?: RetentionDays;
  /** Powertools service name of this function's logs and metrics (one per function). */
  readonly serviceName: string;
}

/** ESM output has no `require`; CommonJS dependencies (the AWS SDK, Powertools) still call it. */
const REQUIRE_SHIM =
  "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);";

/**
 * A Node.js Lambda with the project's defaults.
 *
 * @example
 * const sync = new ActionPlanFunction(this, "Sync", { entry: handlerEntry("sync"), description: "POST /plans/{plan}/sync" });
 * table.grantReadWriteData(sync.fn);
 */
export class ActionPlanFunction extends Construct {
  /** The Lambda function; grant on it. */
  readonly fn: NodejsFunction;
  /** Its log group (kept apart so retention is explicit and no log-retention custom resource is needed). */
  readonly logGroup: LogGroup;
  /** Its execution role, with only log-write rights until grants are added. */
  readonly role: Role;

  constructor(scope: Construct, id: string, props: ActionPlanFunctionProps) {
    super(scope, id);
    this.logGroup = new LogGroup(this, "Logs", { retention: props.logRetention ?? RetentionDays.THREE_MONTHS });
    // An explicit role instead of the AWSLambdaBasicExecutionRole managed policy: that policy
    // may write to any log group; this one may write to its own only.
    this.role = new Role(this, "Role", {
      assumedBy: new ServicePrincipal("lambda.amazonaws.com"),
      description: `Execution role of ${props.description}`,
    });
    this.logGroup.grantWrite(this.role);
    this.fn = new NodejsFunction(this, "Function", {
      entry: props.entry,
      handler: "handler",
      description: props.description,
      runtime: Runtime.NODEJS_22_X,
      architecture: Architecture.ARM_64,
      memorySize: props.memorySize ?? 512,
      timeout: props.timeout ?? Duration.seconds(10),
      role: this.role,
      logGroup: this.logGroup,
      loggingFormat: LoggingFormat.JSON,
      tracing: Tracing.ACTIVE,
      environment: {
        NODE_OPTIONS: "--enable-source-maps",
        POWERTOOLS_SERVICE_NAME: props.serviceName,
        POWERTOOLS_METRICS_NAMESPACE: "ActionPlan",
        POWERTOOLS_LOG_LEVEL: "INFO",
        ...props.environment,
      },
      bundling: {
        format: OutputFormat.ESM,
        target: "node22",
        mainFields: ["module", "main"],
        minify: true,
        // The SDK goes into the bundle (tree-shaken, one file) instead of being loaded from the
        // runtime's copy file by file: module init stays within SPEC §11's 150 ms (measured by
        // bench/lambda-bundle.ts as deployed), and the SDK version is the one the tests ran.
        bundleAwsSDK: true,
        sourceMap: true,
        sourcesContent: false,
        banner: REQUIRE_SHIM,
        logLevel: LogLevel.WARNING,
        // The local esbuild (a devDependency) builds the bundle: synth works offline, without Docker.
        forceDockerBundling: false,
      },
    });
    Validations.of(this.fn).acknowledge({
      id: "AwsSolutions::AwsSolutions-L1",
      reason:
        "Node.js 22 is the runtime the project builds, tests and bundles for (esbuild target node22); moving to a newer runtime is a deliberate, tested upgrade made here in one place.",
    });
    Validations.of(this.role).acknowledge({
      id: "AwsSolutions::AwsSolutions-IAM5[Resource::*]",
      reason:
        "X-Ray tracing: xray:PutTraceSegments and xray:PutTelemetryRecords do not support resource-level permissions, AWS requires Resource '*'.",
    });
  }
}
