import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Sites } from "../../functions/app/site/audience.ts";
import { folderSite } from "../../functions/node/static-site.ts";
import { scratchDir } from "../../scripts/lib/scratch-dir.ts";

/** The built pages the server fills in, cut down to their slots. */
export const signInTemplate =
  '<html><body><div data-slot="sso"></div><form><p class="error-summary" role="alert" data-slot="error" hidden></p><input type="hidden" name="next" value="/" data-slot="next"><input name="email" value="" data-slot="email"></form></body></html>';
export const dashboardTemplate =
  '<html><body><main><h1>Feedback dashboard</h1><div data-slot="dashboard"></div></main></body></html>';

/** The internal note the internal build's topic page carries, and the public one does not. */
export const internalNote = "Internal note: call the Citrix Portal Tech";

/**
 * Two tiny built sites: `/topics/codes/` (and its German `/de/topics/codes/`) with and without the
 * internal note, an internal-only `/topics/staff-only/`, and a 404 page each, in English and German.
 */
export function twoSites(): Sites {
  const root = scratchDir("sites");
  const page = (lang: string, inside: string) =>
    `<html lang="${lang}"><body><section><p data-slot="employee" hidden></p></section>${inside}</body></html>`;
  for (const [folder, extra] of [
    // The public page has the slot too, so a test can see the server never fills it there.
    ["public", ""],
    ["internal", `<aside>${internalNote}</aside>`],
  ] as const) {
    for (const [lang, prefix, heading, notFound] of [
      ["en", "", "Codes", "Page not found"],
      ["de", "de", "Codes (Deutsch)", "Seite nicht gefunden"],
    ] as const) {
      mkdirSync(join(root, folder, prefix, "topics", "codes"), { recursive: true });
      writeFileSync(
        join(root, folder, prefix, "topics", "codes", "index.html"),
        page(lang, `<h1>${heading}</h1>${extra}`),
      );
      writeFileSync(
        join(root, folder, prefix, "404.html"),
        `<html lang="${lang}"><body><h1>${notFound}</h1></body></html>`,
      );
    }
  }
  mkdirSync(join(root, "internal", "topics", "staff-only"), { recursive: true });
  writeFileSync(join(root, "internal", "topics", "staff-only", "index.html"), "<html><body>Staff only</body></html>");
  return { public: folderSite(join(root, "public")), internal: folderSite(join(root, "internal"), { private: true }) };
}
