/** Reads IAM policy statements of a role out of a synthesized template. */
import type { Template } from "aws-cdk-lib/assertions";

/** One IAM statement as CloudFormation holds it. */
export interface Statement {
  readonly Effect: string;
  readonly Action: string | string[];
  readonly Resource: unknown;
}

/** Every statement of every policy attached to the role with this logical id. */
export function statementsOfRole(template: Template, logicalId: string): Statement[] {
  const policies = Object.values(template.findResources("AWS::IAM::Policy")) as Array<{
    Properties: { Roles: Array<{ Ref: string }>; PolicyDocument: { Statement: Statement[] } };
  }>;
  return policies
    .filter((policy) => policy.Properties.Roles.some((role) => role.Ref === logicalId))
    .flatMap((policy) => policy.Properties.PolicyDocument.Statement);
}

/** The actions of statements, flattened. */
export function actionsOf(statements: readonly Statement[]): string[] {
  return statements.flatMap((s) => (Array.isArray(s.Action) ? s.Action : [s.Action]));
}
