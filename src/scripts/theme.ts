/** The reader's choice, kept across pages; without one the theme follows the system. */
export const themeKey = "theme";

/** What the switch offers: follow the system (no stored choice), or one theme for good. */
const choices = ["", "light", "dark"] as const;
type Choice = (typeof choices)[number];

const isChoice = (value: string): value is Choice => (choices as readonly string[]).includes(value);

/**
 * The header's theme switch: System, Light or Dark. The head's inline script has already applied a
 * remembered choice before first paint; this only wires the control, which the stylesheet shows
 * from that first paint wherever scripts run (so showing it moves nothing).
 */
export function enhanceThemeSwitch(root: Document): void {
  const select = root.querySelector<HTMLSelectElement>("[data-theme-switch] select");
  if (!select) return;
  const html = root.documentElement;
  const current = html.dataset.theme ?? "";
  select.value = isChoice(current) ? current : "";
  select.addEventListener("change", () => {
    const choice = isChoice(select.value) ? select.value : "";
    if (choice) html.dataset.theme = choice;
    else delete html.dataset.theme;
    try {
      if (choice) localStorage.setItem(themeKey, choice);
      else localStorage.removeItem(themeKey);
    } catch {
      // Storage can be off; the choice then lasts for this page.
    }
  });
}
