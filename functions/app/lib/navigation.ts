import type { Context } from "hono";

/**
 * Whether the browser is opening this address as a page (a link followed, an address typed), as
 * Fetch Metadata's `Sec-Fetch-Dest` says. An `<img>`, a script or a `fetch` from any page says
 * otherwise ("image", "script", "empty"), and must not begin work on the reader's behalf. A
 * request without the header comes from a client that does not send it (a script, an older
 * browser) and counts as a page.
 */
export function isNavigation(c: Context): boolean {
  const destination = c.req.header("Sec-Fetch-Dest");
  // A page prefetched or prerendered (speculation rules) is a navigation nobody made yet.
  const speculative = c.req.header("Sec-Purpose")?.includes("prefetch") ?? false;
  return (destination === undefined || destination === "document") && !speculative;
}
