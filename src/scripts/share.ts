/**
 * Buttons that need JavaScript stay hidden without it; the e-mail link works either way.
 * The copied URL is the page's own address, so a link copied from a local copy still works.
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
        say("Link copied to the clipboard.");
      } catch {
        say(`Could not copy. The link is ${location.href}`);
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
