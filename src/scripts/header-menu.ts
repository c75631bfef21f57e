/**
 * The phone header's two toggles (Search, Menu): each shows its panel and hides the other. The
 * stylesheet folds the panels only on narrow screens and only where scripts run, so without
 * JavaScript every link and the search box stay on the page.
 */
export function enhanceHeaderMenu(root: Document): void {
  const toggles = [...root.querySelectorAll<HTMLButtonElement>("[data-header-toggle]")];
  const panelOf = (toggle: HTMLButtonElement) => root.getElementById(toggle.getAttribute("aria-controls") ?? "");
  const close = (toggle: HTMLButtonElement) => toggle.setAttribute("aria-expanded", "false");

  for (const toggle of toggles) {
    toggle.addEventListener("click", () => {
      const opening = toggle.getAttribute("aria-expanded") !== "true";
      for (const other of toggles) close(other);
      if (!opening) return;
      toggle.setAttribute("aria-expanded", "true");
      // Search opens to type in; the menu opens to read, so focus stays on its button.
      panelOf(toggle)?.querySelector<HTMLInputElement>("input[type=search]")?.focus();
    });
    panelOf(toggle)?.addEventListener("keydown", (event) => {
      // An open suggestion list takes the first Escape (and prevents its default).
      if (event.key !== "Escape" || event.defaultPrevented || toggle.getAttribute("aria-expanded") !== "true") return;
      close(toggle);
      toggle.focus();
    });
  }
}
