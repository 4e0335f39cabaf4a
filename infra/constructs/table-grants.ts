/**
 * Table grants without wildcards. `grantReadWriteData` grants on `<table>/index/*`, which
 * cdk-nag rightly flags (AwsSolutions-IAM5); the index names are known (the shared table
 * definition), so each grant names the table and exactly those indexes.
 */
import type { ITableV2 } from "aws-cdk-lib/aws-dynamodb";
import { Grant } from "aws-cdk-lib/aws-iam";
import type { IGrantable } from "aws-cdk-lib/aws-iam";

/** What a handler may do with the table. */
export type TableAccess = "read" | "read-write";

/** Item reads (no streams: nothing here reads a stream). Same list as CDK's grantReadData. */
const READ_ACTIONS = [
  "dynamodb:BatchGetItem",
  "dynamodb:GetItem",
  "dynamodb:Query",
  "dynamodb:Scan",
  "dynamodb:ConditionCheckItem",
  "dynamodb:DescribeTable",
];
/** Item writes; transactions are authorized per contained action, so none is added for them. */
const WRITE_ACTIONS = ["dynamodb:BatchWriteItem", "dynamodb:PutItem", "dynamodb:UpdateItem", "dynamodb:DeleteItem"];

/** The plan table plus the names of its GSIs. */
export interface PlanTable {
  readonly table: ITableV2;
  readonly indexNames: readonly string[];
}

/**
 * Grants table (and named index) access to a principal.
 *
 * @example
 * grantTable(planTable, syncFunction, "read-write");
 */
export function grantTable(planTable: PlanTable, grantee: IGrantable, access: TableAccess): Grant {
  const { table, indexNames } = planTable;
  const resourceArns = [table.tableArn, ...indexNames.map((name) => `${table.tableArn}/index/${name}`)];
  const actions = access === "read-write" ? [...READ_ACTIONS, ...WRITE_ACTIONS] : READ_ACTIONS;
  return Grant.addToPrincipal({ grantee, actions, resourceArns });
}
