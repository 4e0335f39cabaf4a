/**
 * Plan members (MEMBER#<oid> items, attribute `role`) and the one rule about them: a plan always
 * keeps an admin.
 *
 * A change reads the members, then writes with conditions in one transaction: the target still
 * has the role that was read (so a concurrent change of the same member is not overwritten), the
 * admin making the change is still admin at commit time (an admin demoted meanwhile cannot act on
 * a stale check), and — when the change takes away an admin — another member is still admin at
 * commit time. When the admin acting is not the target, their own check is that other admin.
 * DynamoDB serialises transactions, so of two admins demoting each other at once exactly one
 * succeeds; the other re-reads and finds it may no longer act.
 */
import { TransactionCanceledException } from "@aws-sdk/client-dynamodb";
import { QueryCommand, TransactWriteCommand } from "@aws-sdk/lib-dynamodb";
import type { Member } from "#core/sync/protocol.ts";
import { StoreUnavailableError, translateSdkError } from "../errors.ts";
import { memberSk, MEMBER_PREFIX, planPk } from "../keys.ts";
import type { MemberChange, Role } from "../store.ts";
import type { DynamoContext } from "./context.ts";

const ROLES: ReadonlySet<string> = new Set<Role>(["reader", "editor", "admin"]);
/** Re-reads after a transaction lost a race; more than a handful means a storm of admin edits. */
const MAX_ATTEMPTS = 5;

export async function listMembers(ctx: DynamoContext, plan: string): Promise<Member[]> {
  const members: Member[] = [];
  let startKey: Record<string, unknown> | undefined;
  do {
    let page;
    try {
      page = await ctx.doc.send(
        new QueryCommand({
          TableName: ctx.table,
          KeyConditionExpression: "pk = :pk AND begins_with(sk, :p)",
          ExpressionAttributeValues: { ":pk": planPk(plan), ":p": MEMBER_PREFIX },
          ConsistentRead: true,
          ExclusiveStartKey: startKey,
        }),
      );
    } catch (error) {
      throw translateSdkError(error);
    }
    for (const item of page.Items ?? []) {
      const role = item["role"];
      if (typeof role === "string" && ROLES.has(role))
        members.push({ member: String(item["sk"]).slice(MEMBER_PREFIX.length), role: role as Role });
    }
    startKey = page.LastEvaluatedKey;
  } while (startKey);
  return members;
}

/** See the file comment. */
export async function changeMember(
  ctx: DynamoContext,
  plan: string,
  oid: string,
  role: Role | undefined,
  by: string,
): Promise<MemberChange> {
  const pk = planPk(plan);
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
    const members = await listMembers(ctx, plan);
    const current = members.find((m) => m.member === oid)?.role;
    if (members.find((m) => m.member === by)?.role !== "admin") return "forbidden";
    if (current === role) return role === undefined ? "not-found" : "unchanged";
    const key = { pk, sk: memberSk(oid) };
    // The target must still be as read: absent, or holding the role we saw.
    const asRead =
      current === undefined
        ? { ConditionExpression: "attribute_not_exists(pk)" }
        : {
            ConditionExpression: "#role = :seen",
            ExpressionAttributeNames: { "#role": "role" },
            ExpressionAttributeValues: { ":seen": current },
          };
    const items: NonNullable<ConstructorParameters<typeof TransactWriteCommand>[0]["TransactItems"]> = [
      role === undefined
        ? { Delete: { TableName: ctx.table, Key: key, ...asRead } }
        : { Put: { TableName: ctx.table, Item: { ...key, role }, ...asRead } },
    ];
    // An admin must remain at commit time. When `by` changes someone else, that admin is `by`
    // (who must still be one to act at all); when `by` steps down (the early returns leave only
    // that case for by === oid), it is another admin.
    const keeper = by === oid ? members.find((m) => m.role === "admin" && m.member !== oid)?.member : by;
    if (keeper === undefined) return "last-admin";
    items.push({
      ConditionCheck: {
        TableName: ctx.table,
        Key: { pk, sk: memberSk(keeper) },
        ConditionExpression: "#role = :admin",
        ExpressionAttributeNames: { "#role": "role" },
        ExpressionAttributeValues: { ":admin": "admin" },
      },
    });
    try {
      await ctx.doc.send(new TransactWriteCommand({ TransactItems: items }));
    } catch (error) {
      // Someone changed the members between our read and our write: read again.
      if (
        error instanceof TransactionCanceledException ||
        (error as { name?: string }).name === "TransactionCanceledException"
      )
        continue;
      throw translateSdkError(error);
    }
    if (role === undefined) return "removed";
    return current === undefined ? "created" : "updated";
  }
  throw new StoreUnavailableError();
}
