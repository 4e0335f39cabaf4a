/**
 * Runs the nightly job at 03:30 Europe/Rome (SPEC §9: 02:00 does not exist on the spring DST
 * night, 03:30 always does, exactly once), with retries, a dead-letter queue for invocations
 * that still fail, and an alarm as soon as anything lands there.
 */
import { Duration, Stack, TimeZone, Validations } from "aws-cdk-lib";
import { Alarm, ComparisonOperator, TreatMissingData } from "aws-cdk-lib/aws-cloudwatch";
import { Role, ServicePrincipal } from "aws-cdk-lib/aws-iam";
import type { CfnFunction, IFunction } from "aws-cdk-lib/aws-lambda";
import { Schedule, ScheduleExpression } from "aws-cdk-lib/aws-scheduler";
import { LambdaInvoke } from "aws-cdk-lib/aws-scheduler-targets";
import { Queue, QueueEncryption } from "aws-cdk-lib/aws-sqs";
import { Construct } from "constructs";

/** Inputs of the nightly schedule. */
export interface NightlyScheduleProps {
  /** The nightly job. */
  readonly target: IFunction;
  /** @default 2 (the job is idempotent: a repeated push has no second effect) */
  readonly retryAttempts?: number;
}

/** EventBridge Scheduler schedule + DLQ + alarm for the nightly sync. */
export class NightlySchedule extends Construct {
  readonly schedule: Schedule;
  /** Invocations that failed after every retry. */
  readonly deadLetterQueue: Queue;
  /** In alarm while the DLQ holds any message. */
  readonly deadLetterAlarm: Alarm;
  /** The role the scheduler assumes to invoke the job (and to write to the DLQ). */
  readonly role: Role;

  constructor(scope: Construct, id: string, props: NightlyScheduleProps) {
    super(scope, id);
    this.deadLetterQueue = new Queue(this, "DeadLetterQueue", {
      encryption: QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      retentionPeriod: Duration.days(14),
    });
    Validations.of(this.deadLetterQueue).acknowledge({
      id: "AwsSolutions::AwsSolutions-SQS3",
      reason: "This queue is itself the dead-letter queue of the nightly schedule; a DLQ of a DLQ would only hide failures.",
    });

    const stack = Stack.of(this);
    // Our own role rather than the stack-wide one CDK would create, so the acknowledgement
    // below sits on exactly this role; SourceAccount blocks confused-deputy use.
    this.role = new Role(this, "SchedulerRole", {
      assumedBy: new ServicePrincipal("scheduler.amazonaws.com", {
        conditions: { StringEquals: { "aws:SourceAccount": stack.account } },
      }),
      description: "EventBridge Scheduler: invoke the nightly sync",
    });
    this.schedule = new Schedule(this, "Schedule", {
      description: "Nightly workbook sync at 03:30 Europe/Rome",
      schedule: ScheduleExpression.cron({ minute: "30", hour: "3", timeZone: TimeZone.EUROPE_ROME }),
      target: new LambdaInvoke(props.target, {
        role: this.role,
        retryAttempts: props.retryAttempts ?? 2,
        maxEventAge: Duration.hours(2),
        deadLetterQueue: this.deadLetterQueue,
      }),
    });

    const targetId = stack.resolve((props.target.node.defaultChild as CfnFunction).logicalId) as string;
    Validations.of(this.role).acknowledge({
      id: `AwsSolutions::AwsSolutions-IAM5[Resource::<${targetId}.Arn>:*]`,
      reason: "lambda:InvokeFunction on '<function ARN>:*' covers the versions and aliases of the nightly function only, no other resource.",
    });

    this.deadLetterAlarm = new Alarm(this, "DeadLetterAlarm", {
      alarmDescription: "The nightly sync could not be invoked after all retries (message in its dead-letter queue).",
      metric: this.deadLetterQueue.metricApproximateNumberOfMessagesVisible({ period: Duration.minutes(5), statistic: "Maximum" }),
      threshold: 1,
      evaluationPeriods: 1,
      comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      treatMissingData: TreatMissingData.NOT_BREACHING,
    });
  }
}
