/**
 * Stateless resources: one Lambda per handler (all built by `ActionPlanFunction`), the HTTP API
 * with its Entra ID JWT authorizer and add-in-only CORS, and the nightly job with its schedule.
 * Deleting or replacing this stack loses nothing: the data lives in `DataStack`.
 */
import { CfnOutput, Duration, Stack } from "aws-cdk-lib";
import type { StackProps } from "aws-cdk-lib";
import { AccessLogFormat } from "aws-cdk-lib/aws-apigateway";
import { CorsHttpMethod, HttpApi, HttpStage, LogGroupLogDestination } from "aws-cdk-lib/aws-apigatewayv2";
import { HttpJwtAuthorizer } from "aws-cdk-lib/aws-apigatewayv2-authorizers";
import { HttpLambdaIntegration } from "aws-cdk-lib/aws-apigatewayv2-integrations";
import { Alarm, ComparisonOperator, TreatMissingData } from "aws-cdk-lib/aws-cloudwatch";
import { SqsDestination } from "aws-cdk-lib/aws-lambda-destinations";
import { LogGroup, RetentionDays } from "aws-cdk-lib/aws-logs";
import type { ISecret } from "aws-cdk-lib/aws-secretsmanager";
import type { Construct } from "constructs";
import { entraIssuer, entraJwksUri } from "#infra/context.ts";
import type { InfraSettings } from "#infra/context.ts";
import { ActionPlanFunction } from "#infra/constructs/action-plan-function.ts";
import { NightlySchedule } from "#infra/constructs/nightly-schedule.ts";
import { OperationsAlarms } from "#infra/constructs/operations-alarms.ts";
import { grantTable } from "#infra/constructs/table-grants.ts";
import type { PlanTable } from "#infra/constructs/table-grants.ts";
import { entryPath, handlers, nightlyEntry, routes } from "#infra/routes.ts";
import { NIGHTLY_SERVICE } from "#functions/nightly/service-name.ts";

/** Inputs of the API stack. */
export interface ApiStackProps extends StackProps {
  /** The plan table and its index names (from the data stack). */
  readonly planTable: PlanTable;
  readonly graphCredential: ISecret;
  readonly settings: InfraSettings;
  /** Where the add-in is served (the hosting stack's origin): the origin CORS allows. */
  readonly addinOrigin: string;
}

/** Handlers, HTTP API, nightly job and schedule. */
export class ApiStack extends Stack {
  readonly api: HttpApi;
  readonly functions: ReadonlyMap<string, ActionPlanFunction>;
  readonly nightly: ActionPlanFunction;
  readonly schedule: NightlySchedule;
  readonly operations: OperationsAlarms;

  constructor(scope: Construct, id: string, props: ApiStackProps) {
    super(scope, id, props);
    const { planTable, graphCredential, settings } = props;
    // The hosting stack's origin, plus an extra one only when context asks (a developer's pane).
    const corsOrigins = [props.addinOrigin, ...(settings.addinOrigin !== undefined ? [settings.addinOrigin] : [])];
    const { table } = planTable;
    const issuer = entraIssuer(settings.tenantId);
    // Names read by functions/config.ts. Handlers verify the token again (the server never
    // trusts the client), so they get the same issuer and audience as the authorizer.
    const common = {
      ACTIONPLAN_TABLE: table.tableName,
      ACTIONPLAN_AUTH_ISSUERS: issuer,
      ACTIONPLAN_AUTH_AUDIENCE: settings.apiAudiences.join(","),
      ACTIONPLAN_AUTH_JWKS_URI: entraJwksUri(settings.tenantId),
      ACTIONPLAN_CORS_ORIGINS: corsOrigins.join(","),
    };

    const functions = new Map<string, ActionPlanFunction>();
    for (const spec of handlers) {
      const fn = new ActionPlanFunction(this, spec.id, {
        entry: entryPath(spec.entry),
        description: spec.description,
        serviceName: `actionplan-${spec.id.toLowerCase()}`,
        environment: common,
        // HTTP API gives up at 30 s; a 10 000-row push needs the CPU that comes with 1 GB on arm64.
        timeout: Duration.seconds(29),
        memorySize: 1024,
      });
      grantTable(planTable, fn.fn, spec.access);
      functions.set(spec.id, fn);
    }
    this.functions = functions;

    const authorizer = new HttpJwtAuthorizer("EntraId", issuer, {
      authorizerName: "entra-id",
      // Any of them (the client id GUID of v2 tokens, the Application ID URI of v1 tokens).
      jwtAudience: [...settings.apiAudiences],
    });
    this.api = new HttpApi(this, "HttpApi", {
      apiName: `${settings.prefix}-api`,
      description: "Action Plan for Excel sync API",
      createDefaultStage: false,
      defaultAuthorizer: authorizer,
      corsPreflight: {
        allowOrigins: corsOrigins,
        allowMethods: [CorsHttpMethod.GET, CorsHttpMethod.POST, CorsHttpMethod.PUT, CorsHttpMethod.DELETE, CorsHttpMethod.OPTIONS],
        allowHeaders: ["authorization", "content-type", "idempotency-key"],
        maxAge: Duration.hours(1),
      },
    });
    const accessLogs = new LogGroup(this, "AccessLogs", { retention: RetentionDays.THREE_MONTHS });
    new HttpStage(this, "DefaultStage", {
      httpApi: this.api,
      stageName: "$default",
      autoDeploy: true,
      accessLogSettings: {
        destination: new LogGroupLogDestination(accessLogs),
        format: AccessLogFormat.jsonWithStandardFields(),
      },
      throttle: { rateLimit: 50, burstLimit: 100 },
    });
    for (const route of routes) {
      const fn = functions.get(route.handler);
      if (!fn) throw new Error(`Route ${route.method} ${route.path} names unknown handler ${route.handler}`);
      this.api.addRoutes({
        path: route.path,
        methods: [route.method],
        integration: new HttpLambdaIntegration(`${route.handler}${route.method}Integration`, fn.fn),
      });
    }

    this.nightly = new ActionPlanFunction(this, "Nightly", {
      entry: entryPath(nightlyEntry),
      description: "Nightly sync of registered workbooks (Microsoft Graph)",
      serviceName: NIGHTLY_SERVICE,
      timeout: Duration.minutes(15),
      memorySize: 1024,
      environment: {
        ...common,
        ACTIONPLAN_NIGHTLY_SOURCE: "graph",
        ACTIONPLAN_GRAPH_TENANT_ID: settings.tenantId,
        ACTIONPLAN_GRAPH_SECRET_ARN: graphCredential.secretArn,
      },
    });
    grantTable(planTable, this.nightly.fn, "read-write");
    graphCredential.grantRead(this.nightly.fn);
    this.schedule = new NightlySchedule(this, "NightlySchedule", { target: this.nightly.fn });
    // The scheduler invokes asynchronously: its retries and DLQ cover failed invocations; a run
    // that starts and then fails (timeout, store down) is retried by Lambda itself and then lands
    // in the same DLQ, so one alarm covers both. Reruns are safe: unchanged files are skipped and
    // pushes carry deterministic idempotency keys.
    this.nightly.fn.configureAsyncInvoke({
      retryAttempts: 2,
      maxEventAge: Duration.hours(2),
      onFailure: new SqsDestination(this.schedule.deadLetterQueue),
    });
    new Alarm(this, "NightlyErrorsAlarm", {
      alarmDescription: "The nightly sync Lambda failed (see its log group and the run report).",
      metric: this.nightly.fn.metricErrors({ period: Duration.minutes(15) }),
      threshold: 1,
      evaluationPeriods: 1,
      comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      treatMissingData: TreatMissingData.NOT_BREACHING,
    });

    // Operations: every alarm of this stack (those above included) tells the alarm topic.
    this.operations = new OperationsAlarms(this, "Operations", settings.alarmEmail !== undefined ? { alarmEmail: settings.alarmEmail } : {});
    this.operations.api5xxRate(this.api);
    for (const [id, fn] of functions) this.operations.functionHealth(id, fn.fn);
    this.operations.functionHealth("Nightly", this.nightly.fn);
    this.operations.nightlyFailures(NIGHTLY_SERVICE);
    this.operations.notifyAll(this);

    new CfnOutput(this, "AlarmTopicArn", { value: this.operations.topic.topicArn, description: "Subscribe more people or a chat channel here" });
    new CfnOutput(this, "ApiUrl", { value: this.api.apiEndpoint, description: "Base URL of the sync API" });
    new CfnOutput(this, "NightlyDeadLetterQueueUrl", { value: this.schedule.deadLetterQueue.queueUrl });
  }
}
