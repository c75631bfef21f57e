/**
 * Buttons that need JavaScript stay hidden without it; the e-mail link works either way.
 * The copied URL is the page's own address, so a link copied from a local copy still works.
 * What it says comes from the page, in the page's language (src/components/ShareLinks.astro).
 */
export function enhanceShareLinks(root: ParentNode): void {
  const status = root.querySelector<HTMLElement>("[data-share-status]");
  const say = (message: string) => {
    if (status) status.textContent = message;
  };

  const copy = root.querySelector<HTMLButtonElement>("[data-share-copy]");
  if (copy && navigator.clipboard) {
    copy.hidden = false;
    copy.addEventListener("click", async () => {
      try {
        await navigator.clipboard.writeText(location.href);
        say(status?.dataset.copied ?? "");
      } catch {
        // A function, so nothing in the address is read as a replacement pattern.
        say((status?.dataset.failed ?? "").replace("{url}", () => location.href));
      }
    });
  }

  const native = root.querySelector<HTMLButtonElement>("[data-share-native]");
  if (native && typeof navigator.share === "function") {
    native.hidden = false;
    native.addEventListener("click", () => {
      navigator.share({ title: native.dataset.title ?? document.title, url: location.href }).catch(() => {
        // Closing the share sheet rejects too; there is nothing to tell the reader.
      });
    });
  }
}
