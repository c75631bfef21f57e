import type { ClientDirective } from "astro";

/**
 * `client:focus="element-id"`: hydrates an island the first time the element with that id gets
 * focus. The header's search suggestions load this way, so a page that is only read never
 * downloads them.
 */
const hydrateOnFocus: ClientDirective = (load, options, _island) => {
  const target = document.getElementById(String(options.value));
  target?.addEventListener(
    "focus",
    async () => {
      const hydrate = await load();
      await hydrate();
    },
    { once: true },
  );
};

export default hydrateOnFocus;
