import { describe, expect, it } from "vitest";
import { islandRendererTag } from "../../src/integrations/island-renderer-tag.ts";

const transform = (code: string, id: string) => {
  const hook = islandRendererTag().transform;
  if (typeof hook !== "function") throw new Error("the plugin has no transform hook");
  return hook.call({} as never, code, id) as { code: string } | null;
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
