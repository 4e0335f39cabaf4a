/** Which Fluent theme follows the Office theme. */

/**
 * true for a dark background colour ("#1f1f1f"), by relative luminance below one half: Office's
 * dark and black themes give a dark body background, colorful and white a light one.
 * @example isDarkColor("#262626") // true
 */
export function isDarkColor(hex: string | undefined): boolean {
  const m = /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex?.trim() ?? "");
  if (m === null) return false;
  const [r, g, b] = [m[1], m[2], m[3]].map((x) => parseInt(x ?? "0", 16) / 255) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b < 0.5;
}
