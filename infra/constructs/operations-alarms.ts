/**
 * Operations: one SNS topic (encrypted, TLS only, optional e-mail subscription) and the alarms
 * that page it: the API's 5xx rate, each Lambda's errors and throttles, workbooks that failed in
 * the nightly run. `notifyAll` then makes the topic the action of every alarm in the stack, so an
 * alarm added later cannot ship silent.
 */
import { Duration, Stack } from "aws-cdk-lib";
import { Alarm, ComparisonOperator, MathExpression, Metric, TreatMissingData } from "aws-cdk-lib/aws-cloudwatch";
import { SnsAction } from "aws-cdk-lib/aws-cloudwatch-actions";
import type { HttpApi } from "aws-cdk-lib/aws-apigatewayv2";
import { PolicyStatement, ServicePrincipal } from "aws-cdk-lib/aws-iam";
import { Key } from "aws-cdk-lib/aws-kms";
import type { IFunction } from "aws-cdk-lib/aws-lambda";
import { Topic } from "aws-cdk-lib/aws-sns";
import { EmailSubscription } from "aws-cdk-lib/aws-sns-subscriptions";
import { Construct } from "constructs";

/** Share of API requests answered 5xx over five minutes that raises the alarm (percent). */
export const API_5XX_PERCENT = 5;

/** Inputs of the operations construct. */
export interface OperationsAlarmsProps {
  /** Who is told (context `alarmEmail`); without it the topic has no subscriber yet. */
  readonly alarmEmail?: string;
}

/** The alarm topic and the helpers that create the alarms. */
export class OperationsAlarms extends Construct {
  readonly topic: Topic;

  constructor(scope: Construct, id: string, props: OperationsAlarmsProps) {
    super(scope, id);
    // A key of our own: CloudWatch cannot publish to a topic encrypted with the AWS-managed SNS key.
    const key = new Key(this, "TopicKey", {
      description: "Encrypts the Action Plan alarm topic",
      enableKeyRotation: true,
    });
    key.addToResourcePolicy(
      new PolicyStatement({
        actions: ["kms:Decrypt", "kms:GenerateDataKey*"],
        principals: [new ServicePrincipal("cloudwatch.amazonaws.com")],
        resources: ["*"],
        conditions: { StringEquals: { "aws:SourceAccount": Stack.of(this).account } },
      }),
    );
    this.topic = new Topic(this, "Topic", {
      displayName: "Action Plan alarms",
      masterKey: key,
      enforceSSL: true,
    });
    if (props.alarmEmail !== undefined) this.topic.addSubscription(new EmailSubscription(props.alarmEmail));
  }

  /** Alarm when more than API_5XX_PERCENT % of the API's requests in five minutes are 5xx. */
  api5xxRate(api: HttpApi): Alarm {
    const period = Duration.minutes(5);
    const rate = new MathExpression({
      expression: "IF(requests > 0, 100 * errors / requests, 0)",
      usingMetrics: { errors: api.metricServerError({ period, statistic: "Sum" }), requests: api.metricCount({ period, statistic: "Sum" }) },
      label: "5xx %",
      period,
    });
    return new Alarm(this, "Api5xxRate", {
      alarmDescription: `More than ${String(API_5XX_PERCENT)} % of API requests failed with 5xx in five minutes (see the handlers' logs by correlation id).`,
      metric: rate,
      threshold: API_5XX_PERCENT,
      evaluationPeriods: 1,
      comparisonOperator: ComparisonOperator.GREATER_THAN_THRESHOLD,
      treatMissingData: TreatMissingData.NOT_BREACHING,
    });
  }

  /** Alarms on a function's errors and throttles (any, in five minutes). */
  functionHealth(name: string, fn: IFunction): Alarm[] {
    const period = Duration.minutes(5);
    const common = {
      threshold: 1,
      evaluationPeriods: 1,
      comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      treatMissingData: TreatMissingData.NOT_BREACHING,
    };
    return [
      new Alarm(this, `${name}Errors`, {
        ...common,
        alarmDescription: `The ${name} Lambda failed (crash or timeout; see its log group).`,
        metric: fn.metricErrors({ period, statistic: "Sum" }),
      }),
      new Alarm(this, `${name}Throttles`, {
        ...common,
        alarmDescription: `The ${name} Lambda was throttled (account concurrency exhausted).`,
        metric: fn.metricThrottles({ period, statistic: "Sum" }),
      }),
    ];
  }

  /** Alarm when a nightly run reports a workbook it could not sync (metric NightlyFailed). */
  nightlyFailures(serviceName: string): Alarm {
    return new Alarm(this, "NightlyWorkbookFailures", {
      alarmDescription: "The nightly run could not sync at least one workbook (see the run report in the task pane).",
      metric: new Metric({
        namespace: "ActionPlan",
        metricName: "NightlyFailed",
        dimensionsMap: { service: serviceName },
        statistic: "Sum",
        period: Duration.hours(1),
      }),
      threshold: 1,
      evaluationPeriods: 1,
      comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      treatMissingData: TreatMissingData.NOT_BREACHING,
    });
  }

  /** Makes the topic the alarm and OK action of every alarm under `scope`. */
  notifyAll(scope: Construct): void {
    const action = new SnsAction(this.topic);
    for (const c of scope.node.findAll())
      if (c instanceof Alarm) {
        c.addAlarmAction(action);
        c.addOkAction(action);
      }
  }
}
