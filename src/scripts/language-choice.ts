/** The language the reader chose, kept across pages; the head's inline script reads it first. */
export const languageKey = "lang";

/**
 * Remembers the language a reader picks, in the switcher or the offer, and "No, thanks" as keeping
 * the page's own (its button names that one), which also puts the offer away. Only the reader's
 * browser keeps it: the server never needs to know.
 */
export function rememberLanguageChoice(root: Document): void {
  root.addEventListener("click", (event) => {
    const chosen = (event.target as Element).closest<HTMLElement>("[data-choose]");
    if (!chosen) return;
    try {
      localStorage.setItem(languageKey, chosen.dataset.choose ?? "");
    } catch {
      // Without storage the choice lasts for this page only.
    }
    if (chosen.localName === "button") delete root.documentElement.dataset.offer;
  });
}
