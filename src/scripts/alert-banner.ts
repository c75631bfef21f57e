/** Space-separated ids of the alerts a reader dismissed; the head's inline script reads it first. */
export const dismissedKey = "dismissed-alerts";

/** The banner's Dismiss button: remembered per alert, so a newer important alert still shows. */
export function enhanceAlertBanner(root: Document): void {
  const banner = root.querySelector<HTMLElement>("[data-alert]");
  const button = banner?.querySelector<HTMLButtonElement>("button");
  if (!banner || !button) return;
  button.addEventListener("click", () => {
    const html = root.documentElement;
    html.dataset.dismissed = `${html.dataset.dismissed ?? ""} ${banner.dataset.alert}`.trim();
    try {
      localStorage.setItem(dismissedKey, html.dataset.dismissed);
    } catch {
      // Without storage it stays dismissed on this page only.
    }
    root.querySelector<HTMLElement>("#main")?.focus();
  });
}
