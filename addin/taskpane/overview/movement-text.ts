/**
 * One movement entry (GET …/movement) in words, for the Overview's list and the overview sheet:
 * "PRL 6 → 8, outcome submitted → funded, funded € 0,00 → € 450.000,00".
 */
import type { Locale } from "#core/snapshot/types.ts";
import type { MovementResponse } from "#core/sync/protocol.ts";
import { outcomeWord } from "#core/i18n/vocabulary.ts";
import type { Translate } from "#addin/i18n/strings.ts";
import { fieldLabel } from "#addin/i18n/strings.ts";
import { formatMoney } from "../format.ts";

export type MovementEntry = MovementResponse["projects"][number];
type State = NonNullable<MovementEntry["before"]>;

const euro = (v: number | undefined, locale: Locale): string =>
  v === undefined ? "—" : formatMoney(Math.round(v * 100), locale);

/** What changed, field by field, in the UI language (the kind word first for added/removed). */
export function movementText(e: MovementEntry, t: Translate, locale: Locale): string {
  const b: Partial<State> = e.before ?? {};
  const a: Partial<State> = e.after ?? {};
  const parts: string[] = [];
  if (e.kind !== "changed") parts.push(t(`readiness.kind.${e.kind}`));
  for (const field of e.fields) {
    if (field === "prl") parts.push(t("readiness.prl-change", { before: b.prl ?? "—", after: a.prl ?? "—" }));
    else if (field === "outcome")
      parts.push(
        t("readiness.outcome-change", {
          before: outcomeWord(b.outcome, locale) || "—",
          after: outcomeWord(a.outcome, locale) || "—",
        }),
      );
    else if (field === "requested" || field === "funded")
      parts.push(
        t("readiness.money-change", {
          field: (field === "funded" ? t("overview.funded") : fieldLabel(t, field)).toLowerCase(),
          before: euro(b[field], locale),
          after: euro(a[field], locale),
        }),
      );
  }
  return parts.join(", ");
}
