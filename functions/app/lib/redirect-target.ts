import { hasControlCharacter } from "./body.ts";

/** Any origin will do: only whether `next` stays on it matters. */
const siteOrigin = "https://help-center.invalid";

/**
 * Where to send a reader after a form (sign-in, view switch, dashboard actions): `next` parsed
 * as a browser would parse it against this site, kept only when it stays on the site, and
 * returned as path + query + hash. The result never starts with `//` or `/\`, which a browser
 * would read as another host; anything else, or anything odd, is `home` (the home page of the
 * reader's language; the site's by default).
 */
export function redirectTarget(next: unknown, home = "/"): string {
  // The URL parser would drop tabs and line breaks and read `\` as `/`: a target that needs them is not ours.
  if (typeof next !== "string" || !next.startsWith("/") || next.includes("\\") || hasControlCharacter(next, true)) {
    return home;
  }
  let url: URL;
  try {
    url = new URL(next, siteOrigin);
  } catch {
    return home;
  }
  if (url.origin !== siteOrigin || url.username || url.password) return home;
  const target = `${url.pathname}${url.search}${url.hash}`;
  if (!target.startsWith("/") || target.startsWith("//") || target.startsWith("/\\")) return home;
  return target;
}
