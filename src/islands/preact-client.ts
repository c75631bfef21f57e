import { type ComponentType, h, hydrate, render } from "preact";

/**
 * Hydrates Preact islands: `@astrojs/preact`'s client without its signals branch, which we do not
 * use and whose dynamic import brings Vite's preload helper (0.8 KB gzip) onto every page with an
 * island — a tenth of the page's JavaScript budget. `astro.config.mjs` points the renderer here.
 * Islands here take no slotted children, so Astro's slot wrapper is left out too.
 */
export default (element: HTMLElement) =>
  async (Component: ComponentType, props: Record<string, unknown>, _slots: unknown, { client }: { client: string }) => {
    if (!element.hasAttribute("ssr")) return;
    if (element.dataset.preactSignals) throw new Error("Islands here take plain props, not signals.");
    const island = h(Component, props);
    if (client === "only") {
      element.innerHTML = "";
      render(island, element);
    } else hydrate(island, element);
    element.addEventListener("astro:unmount", () => render(null, element), { once: true });
  };
