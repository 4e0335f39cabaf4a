/** The message system: issue catalogue, catalogue lookup, templates, display words, formats. */
export { MESSAGES, ISSUE_CODES, renderMessage, isIssueCode } from "./messages.ts";
export type { IssueCode } from "./messages.ts";
export { lookup, hasKey } from "./catalogue.ts";
export type { Catalogue, CatalogueEntry } from "./catalogue.ts";
export { fillTemplate, templateError, templateParams } from "./template.ts";
export type { TemplateParams } from "./template.ts";
export { localeTag } from "./locale-tag.ts";
export { formatNumber, formatPercent, formatDate, formatDateTime, clusterToday, CLUSTER_TIME_ZONE } from "./formats.ts";
export {
  displayWord,
  outcomeWord,
  OUTCOME_WORDS,
  COST_CATEGORY_WORDS,
  ENTITY_WORDS,
  ENTITY_LABELS,
  SYNC_STATUS_WORDS,
  MILESTONE_WORDS,
  NOT_AVAILABLE,
  rollupKeyWord,
} from "./vocabulary.ts";
export type { Vocabulary } from "./vocabulary.ts";
export { rowDisplayName, splitBudgetKey } from "./row-name.ts";
export type { BudgetRowValues } from "./row-name.ts";
