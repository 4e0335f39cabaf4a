/**
 * What a value costs in a Lambda response. API Gateway hands Lambda's answer over as a JSON
 * envelope whose `body` is the response JSON as a string, and Lambda refuses an answer over
 * 6 MB: so the size that matters is the UTF-8 bytes of the body once escaped again inside the
 * envelope — CJK text counts three bytes a character, a quote or backslash in a value four.
 */

/** Lambda's response payload limit (6 MB). */
export const LAMBDA_RESPONSE_LIMIT_BYTES = 6 * 1024 * 1024;

/**
 * The budget a list in one response may fill: well under the limit, leaving room for the rest of
 * the body, the headers and the envelope.
 */
export const RESPONSE_BUDGET_BYTES = 4 * 1024 * 1024;

/** The bytes `value` adds to a Lambda response envelope as one element of a JSON array. */
export function envelopeBytes(value: unknown): number {
  // JSON.stringify twice = the value as it appears inside the envelope's body string (the outer
  // quotes it adds are not part of the element, the separating comma is: -2 + 1).
  return Buffer.byteLength(JSON.stringify(JSON.stringify(value)), "utf8") - 1;
}
