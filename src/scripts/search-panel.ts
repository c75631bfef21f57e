/**
 * The phone header's Search button opens its panel (a popover, src/components/SiteHeader.astro)
 * ready to type in: the browser does the rest, so this is the only script the header needs.
 */
export function focusSearchWhenOpened(root: Document): void {
  const panel = root.getElementById("site-header-search");
  panel?.addEventListener("toggle", (event) => {
    if ((event as ToggleEvent).newState === "open") panel.querySelector("input")?.focus();
  });
}
