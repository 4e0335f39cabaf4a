/**
 * The single DynamoDB table of the sync service, defined once: the CDK stack and the local
 * stack (DynamoDB Local) both build the table from this object, so they cannot drift.
 * Plain data only (no SDK imports) so `infra/` can import it without pulling the SDK.
 *
 * Items (pk `PLAN#<plan>`):
 * - `META`                       the plan: name, `seq` (the change-log counter)
 * - `MEMBER#<oid>`               a member's role: reader | editor | admin
 * - `ROW#<entity>#<key>`         the current row: version, values, hash, deleted (tombstone)
 * - `CHG#<seq, 15 digits>`       the change log: one item per applied version (values, who, when,
 *                                source), or a void marker for a sequence number never used.
 *                                It doubles as the append-only history through the `history` index.
 * - `CKPH#<seq, 15 digits>`       a checkpoint: the live rows after every change ≤ seq (header:
 *                                seq, maxAt, parts, rows, bytes); written after its parts, so
 *                                a header means the checkpoint is whole
 * - `CKPD#<seq>#<part, 4 digits>` its gzip JSON, in parts under the 400 KB item limit
 * - `RPT#<locale>#<day>`          today's rollups as last built, with the log number they cover
 *   + `RPTD#<locale>#<day>#<writer>#<part>` their gzip JSON parts (all removed by TTL two days on)
 * - `IDEM#<key>` (+ `#<n>` parts) idempotency records, removed by TTL after a day
 * - `RUN#<startedAt>#<runId>`    nightly run reports
 */
export const TABLE_DEFINITION = {
  partitionKey: { name: "pk", type: "S" },
  sortKey: { name: "sk", type: "S" },
  /** Epoch seconds; DynamoDB removes expired idempotency records. */
  timeToLiveAttribute: "expiresAt",
  billingMode: "PAY_PER_REQUEST",
  globalSecondaryIndexes: [
    {
      /** Every version of one row, oldest first: `hk` = `PLAN#<plan>#ROW#<entity>#<key>`, `hv` = version. */
      indexName: "history",
      partitionKey: { name: "hk", type: "S" },
      sortKey: { name: "hv", type: "N" },
      projection: "ALL",
    },
  ],
} as const;

export type TableDefinition = typeof TABLE_DEFINITION;

/** The history index name (queried by the store). */
export const HISTORY_INDEX = TABLE_DEFINITION.globalSecondaryIndexes[0].indexName;
