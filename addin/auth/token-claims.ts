/**
 * Reads display claims (name, preferred_username) from a JWT's payload, for showing who is signed
 * in. The signature is NOT checked here: the API verifies every token; this is display only.
 */

/** The `name` (else `preferred_username`) claim of a JWT, or undefined when it has none. */
export function tokenDisplayName(token: string): string | undefined {
  const part = token.split(".")[1];
  if (part === undefined || part === "") return undefined;
  try {
    const json = atob(
      part
        .replace(/-/g, "+")
        .replace(/_/g, "/")
        .padEnd(Math.ceil(part.length / 4) * 4, "="),
    );
    const payload: unknown = JSON.parse(
      new TextDecoder().decode(Uint8Array.from(json, (c) => c.charCodeAt(0))),
    );
    if (typeof payload !== "object" || payload === null) return undefined;
    const p = payload as Record<string, unknown>;
    const name = typeof p["name"] === "string" ? p["name"] : p["preferred_username"];
    return typeof name === "string" && name.trim() !== "" ? name : undefined;
  } catch {
    return undefined;
  }
}
