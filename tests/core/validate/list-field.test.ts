/**
 * List cells ("Partner" and "Membri" columns, line types): split on ";", "," and new lines, each
 * item trimmed, a leading "1." / "2)" numbering dropped, blanks dropped. The reader splits by
 * hand for speed; the property holds it to the plain reading of that rule.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { listField } from "#core/validate/fields/field.ts";

/** The rule as written: a regular-expression split, then the same clean-up per item. */
function reference(text: string): string[] | undefined {
  const items = text
    .split(/[;,\n\r]+/)
    .map((part) => {
      const t = part.trim();
      return /^\d/.test(t) ? t.replace(/^\d{1,3}[.)]?\s+/, "").trim() : t;
    })
    .filter((t) => t !== "");
  return items.length > 0 ? items : undefined;
}

describe("list cells", () => {
  it.each([
    ["Agentia; Zenit, CNR", ["Agentia", "Zenit", "CNR"]],
    ["1. Agentia\n2) Zenit\r\n3 CNR", ["Agentia", "Zenit", "CNR"]],
    [";; ,\n", undefined],
    ["Unibo", ["Unibo"]],
    ["  21 Lab ; ", ["Lab"]],
    ["2021 Lab", ["2021 Lab"]], // four digits are a name's, not a numbering
  ])("reads %j as %j", (text, expected) => {
    expect(listField(text, "partners", [])).toEqual(expected);
  });

  it("splits any text exactly as the rule says", () => {
    const piece = fc.constantFrom(";", ",", "\n", "\r", " ", "\t", "1", "12", ".", ")", "Ab", "é", "x y", "\u00a0");
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 30 }), (pieces) => {
        const text = pieces.join("");
        // A text cell that is blank after trimming is no list at all (textField's rule).
        fc.pre(text.trim() !== "");
        expect(listField(text, "partners", [])).toEqual(reference(text));
      }),
      { numRuns: 500 },
    );
  });
});
