import { describe, expect, it } from "vitest";
import { islandRendererTag } from "../../src/integrations/island-renderer-tag.ts";

/** The plugin's transform as the bundler runs it: only for ids its filter lets through. */
const transform = (code: string, id: string) => {
  const hook = islandRendererTag().transform;
  if (!hook || typeof hook !== "object") throw new Error("the plugin has no filtered transform hook");
  const filter = hook.filter?.id;
  if (!(filter instanceof RegExp)) throw new Error("the transform hook has no id filter");
  if (!filter.test(id)) return null;
  return hook.handler.call({} as never, code, id, { moduleType: "tsx" }) as { code: string } | null;
};

describe("the islands' renderer tag", () => {
  it("names Preact as the renderer of an island's default component, class or function", () => {
    for (const [code, name] of [
      ["export default class FeedbackForm extends Component {}", "FeedbackForm"],
      ["export default function TryTemporaryCode() { return null; }", "TryTemporaryCode"],
    ] as const) {
      const tagged = transform(code, `/work/site/src/islands/${name}.tsx?v=1`);
      expect(tagged?.code.startsWith(code)).toBe(true);
      expect(tagged?.code).toContain(`__astro_tag_component__(${name}, "@astrojs/preact");`);
    }
  });

  it("leaves an island's parts and every other module as they are", () => {
    expect(transform("export function AdminStep() {}", "/work/site/src/islands/demo/AdminStep.tsx")).toBeNull();
    expect(transform("export default class Page {}", "/work/site/src/pages/page.tsx")).toBeNull();
  });

  it("tags the server's modules only: the browser's islands load without Astro's server runtime", () => {
    const applies = islandRendererTag().applyToEnvironment as (environment: {
      config: { consumer: string };
    }) => boolean;
    expect(applies({ config: { consumer: "server" } })).toBe(true);
    expect(applies({ config: { consumer: "client" } })).toBe(false);
  });
});
