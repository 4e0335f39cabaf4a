/** Names of the add-in's own very hidden sheets. */

/** Highlight marker sheets are `${MARKER_PREFIX}${n}`; our conditional formats are recognised by it. */
export const MARKER_PREFIX = "_ap_issues_";
