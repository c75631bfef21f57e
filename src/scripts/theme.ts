/** The reader's choice, kept across pages; without one the theme follows the system. */
export const themeKey = "theme";

const prefersDark = () => matchMedia("(prefers-color-scheme: dark)").matches;

/**
 * The header's "Dark theme" switch. The head's inline script has already applied a remembered
 * choice before first paint; this only wires the button (hidden without JavaScript).
 */
export function enhanceThemeToggle(root: Document): void {
  const button = root.querySelector<HTMLButtonElement>("[data-theme-toggle]");
  if (!button) return;
  const html = root.documentElement;
  const isDark = () => (html.dataset.theme ? html.dataset.theme === "dark" : prefersDark());
  const show = () => button.setAttribute("aria-pressed", String(isDark()));
  button.addEventListener("click", () => {
    const theme = isDark() ? "light" : "dark";
    html.dataset.theme = theme;
    try {
      localStorage.setItem(themeKey, theme);
    } catch {
      // Storage can be off; the choice then lasts for this page.
    }
    show();
  });
  matchMedia("(prefers-color-scheme: dark)").addEventListener("change", show);
  show();
  button.hidden = false;
}
