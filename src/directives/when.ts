import type { ClientDirective } from "astro";

/** When an island wakes (`client:when`): on the reader's move, never at page load. */
export type Wake =
  /** The first time the element with this id gets focus. */
  | { focus: string }
  /** Once the island comes within this distance of the viewport, as a CSS margin ("0px": once it shows). */
  | { near: string };

/**
 * One directive for every island that waits for the reader, because each directive a page uses is
 * one more inline script in it: this one in place of Astro's `client:visible` and our former
 * `client:focus` takes 0.17 KB gzip off the seed topic's JavaScript. The header's search
 * suggestions wake on focus, so a page that is only read never downloads them; the demo and the
 * feedback form when they come near.
 */
const hydrateWhen: ClientDirective = (load, options, island) => {
  const wake = async () => (await load())();
  // Astro types every value as text; this one is the object `client:when` was given, typed at build
  // (AstroClientDirectives, when-directive.ts) and passed on as JSON in the island's attributes.
  const when = options.value as unknown as Wake;
  if ("focus" in when) {
    document.getElementById(when.focus)?.addEventListener("focus", wake, { once: true });
    return;
  }
  const observer = new IntersectionObserver(
    (entries) => {
      if (!entries.some((entry) => entry.isIntersecting)) return;
      observer.disconnect();
      void wake();
    },
    { rootMargin: when.near },
  );
  // An island is `display: contents`: what shows are its children.
  for (const child of island.children) observer.observe(child);
};

export default hydrateWhen;
