/**
 * Which API address the Sync panel talks to (and so where the sign-in token goes). The user's
 * setting wins. An address that only the workbook's sync sheet names is used once the user has
 * confirmed it: a crafted file must not be able to collect a token by naming its own server.
 */

export interface ApiChoice {
  /** The address to call ("" when none may be used yet). */
  apiUrl: string;
  /** The workbook's address waiting for the user's confirmation, if any. */
  pending: string | undefined;
}

/**
 * @example chooseApi("", "https://evil.example", undefined) // { apiUrl: "", pending: "https://evil.example" }
 */
export function chooseApi(
  setting: string,
  workbook: string | undefined,
  confirmed: string | undefined,
): ApiChoice {
  const fromSetting = setting.trim();
  if (fromSetting !== "") return { apiUrl: fromSetting, pending: undefined };
  const named = workbook?.trim() ?? "";
  if (named === "") return { apiUrl: "", pending: undefined };
  return named === confirmed ? { apiUrl: named, pending: undefined } : { apiUrl: "", pending: named };
}
