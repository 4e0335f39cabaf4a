/**
 * Who this person's highlighting belongs to in a co-authored workbook (issue #18): a short random
 * id kept in the add-in's browser storage, so the same person finds their own marks again after
 * reopening the pane, and a coauthor's Validate or Clear leaves them alone. Storage that is
 * missing or refuses writes gives a fresh id for this session only.
 */
const KEY = "actionplan.markAuthor";

export function markAuthor(storage: Pick<Storage, "getItem" | "setItem"> | undefined, random: () => number = Math.random): string {
  const existing = storage?.getItem(KEY);
  if (existing !== null && existing !== undefined && /^[a-z0-9]{6}$/.test(existing)) return existing;
  const id = Array.from({ length: 6 }, () => "abcdefghijklmnopqrstuvwxyz0123456789"[Math.floor(random() * 36)]).join("");
  try {
    storage?.setItem(KEY, id);
  } catch (error) {
    // Private mode or a full quota: the marks are this session's only; said once in the console.
    console.warn("markAuthor", error);
  }
  return id;
}
