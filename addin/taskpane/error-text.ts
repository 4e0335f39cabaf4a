/**
 * The one place failures become user-facing text: API errors by kind (offline, signed out,
 * refused…), sign-in errors, anything else as an Excel failure. Never a stack trace.
 */
import type { Locale } from "#core/snapshot/types.ts";
import { ApiError } from "#addin/api/errors.ts";
import { FeatureUnavailableError } from "#addin/excel/features.ts";
import { AuthError } from "#addin/auth/token-source.ts";
import type { Translate } from "#addin/i18n/strings.ts";

/** A short, translated explanation of `e`. */
export function errorText(e: unknown, t: Translate, locale: Locale): string {
  if (e instanceof ApiError) {
    switch (e.kind) {
      case "offline":
        return t("error.offline");
      case "signed-out":
        return t("error.signed-out");
      case "forbidden":
        return t("error.forbidden");
      case "not-found":
        return t("error.not-found");
      case "too-large":
        return t("error.too-large");
      case "refused":
        return t("error.refused", {
          detail: e.body?.messages?.[locale] ?? e.body?.message ?? String(e.statusCode),
        });
      case "server":
        return t("error.server", { id: e.body?.correlationId ?? String(e.statusCode) });
      case "bad-response":
        return t("error.bad-response");
    }
  }
  // An optional Excel feature this Excel lacks (isSetSupported said no): say what works instead.
  if (e instanceof FeatureUnavailableError) return t(`feature.${e.feature}-unavailable`);
  if (e instanceof AuthError) return t(`error.auth.${e.code}`);
  return t("error.excel", { detail: e instanceof Error ? e.message : String(e) });
}
