/**
 * Fills the `<meta name="actionplan:…">` tags of a built page with a release's sign-in and API
 * settings (the task pane reads them at start, see addin/taskpane/office-services.ts).
 */

/** The settings a page reads: meta name (after `actionplan:`) → value. */
export type PageSettings = Readonly<Record<string, string>>;

function escapeAttr(value: string): string {
  return value.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

/**
 * `html` with each `actionplan:<name>` meta tag's content set from `settings`. A setting whose
 * tag the page lacks is added to the head, so a page edited without them still gets them.
 */
export function fillMetaTags(html: string, settings: PageSettings): string {
  let out = html;
  for (const [name, value] of Object.entries(settings)) {
    const tag = `<meta name="actionplan:${name}" content="${escapeAttr(value)}" />`;
    const existing = new RegExp(`<meta\\s+name="actionplan:${name.replace(/[-]/g, "\\-")}"[^>]*>`);
    out = existing.test(out) ? out.replace(existing, () => tag) : out.replace("</head>", () => `  ${tag}\n  </head>`);
  }
  // The comment saying "empty: local dev stack" no longer holds.
  return out.replace(/\s*<!--\s*Filled by the build[^>]*-->/, "");
}
