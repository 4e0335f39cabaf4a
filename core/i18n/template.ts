/** Values a message template may name. */
export type TemplateParams = Readonly<Record<string, string | number | undefined>>;

const PLACEHOLDER = /\{(\w+)\}/g;

/**
 * Fills `{name}` placeholders from `params`. A missing parameter stays as `{name}`, so a mistake
 * is visible instead of silently blank. The one filler for every it/en catalogue (core issues,
 * task pane, CLI, API, nightly).
 *
 * @example fillTemplate("{errors} errori", { errors: 2 }) // "2 errori"
 */
export function fillTemplate(template: string, params: TemplateParams | undefined): string {
  if (params === undefined) return template;
  return template.replace(PLACEHOLDER, (whole, name: string) => {
    const v = Object.prototype.hasOwnProperty.call(params, name) ? params[name] : undefined;
    return v === undefined ? whole : String(v);
  });
}
