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
 * Two tiny built sites: `/topics/codes/` with and without the internal note, an internal-only
 * `/topics/staff-only/`, and a 404 page each.
 */
export function twoSites(): Sites {
  const root = scratchDir("sites");
  for (const [folder, body] of [
    // The public page has the slot too, so a test can see the server never fills it there.
    ["public", '<html><body><section><p data-slot="employee" hidden></p></section><h1>Codes</h1></body></html>'],
    [
      "internal",
      `<html><body><section><p data-slot="employee" hidden></p></section><h1>Codes</h1><aside>${internalNote}</aside></body></html>`,
    ],
  ] as const) {
    mkdirSync(join(root, folder, "topics", "codes"), { recursive: true });
    writeFileSync(join(root, folder, "topics", "codes", "index.html"), body);
    writeFileSync(join(root, folder, "404.html"), "<html><body><h1>Page not found</h1></body></html>");
  }
  mkdirSync(join(root, "internal", "topics", "staff-only"), { recursive: true });
  writeFileSync(join(root, "internal", "topics", "staff-only", "index.html"), "<html><body>Staff only</body></html>");
  return { public: folderSite(join(root, "public")), internal: folderSite(join(root, "internal"), { private: true }) };
}
