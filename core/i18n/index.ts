/** Issue message catalogue (it, en). */
export { MESSAGES, ISSUE_CODES, renderMessage, isIssueCode } from "./messages.ts";
export type { IssueCode } from "./messages.ts";
