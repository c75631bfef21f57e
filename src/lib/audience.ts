import { type Audience, isAudience } from "../config/build-options.ts";
import { buildOptions } from "./build.ts";
import { type Translator, translator } from "./i18n.ts";
import { loadLanguages } from "./languages.ts";

/**
 * One build renders every page once per audience, under `/<audience>/` (the `[audience]` folder
 * of src/pages); the build then moves each audience's pages to its own site root
 * (src/integrations/audience-sites.ts). These helpers are how a page knows which site it is in.
 */

/** The audience of the page being rendered, from its `[audience]` route parameter. */
export function pageAudience(params: Record<string, string | undefined>): Audience {
  const { audience } = params;
  if (!isAudience(audience)) throw new Error(`A page was rendered outside an audience folder: ${audience}`);
  return audience;
}

/** A rendered address split into its audience folder and the address it has on that audience's site. */
export function splitRenderedPath(pathname: string): { audience: Audience; path: string } | undefined {
  const [, folder, rest] = /^\/([^/]+)(\/.*)?$/.exec(pathname) ?? [];
  return isAudience(folder) ? { audience: folder, path: rest ?? "/" } : undefined;
}

/** The address a page has on its own site: its rendered path without the audience folder. */
export function sitePath(pathname: string): string {
  return splitRenderedPath(pathname)?.path ?? pathname;
}

/** Static paths for a page every audience has once, with nothing else in its address. */
export function everyAudience(): { params: { audience: Audience } }[] {
  return buildOptions.audiences.map((audience) => ({ params: { audience } }));
}

/** Static paths for a page only the internal site has (the dashboard). */
export function internalOnly(): { params: { audience: Audience } }[] {
  return everyAudience().filter((path) => path.params.audience === "internal");
}

/** The language of the page being rendered. */
export function pageLanguage(_params: Record<string, string | undefined>): string {
  return loadLanguages().default.code;
}

/** How the page being rendered speaks: its language's messages, dates and addresses. */
export function pageTranslator(params: Record<string, string | undefined>): Translator {
  return translator(pageLanguage(params));
}
