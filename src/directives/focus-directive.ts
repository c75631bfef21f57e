import { fileURLToPath } from "node:url";
import type { AstroIntegration } from "astro";

declare module "astro" {
  interface AstroClientDirectives {
    /** The id of the element whose first focus hydrates the island (src/directives/focus.ts). */
    "client:focus"?: string;
  }
}

/** Adds `client:focus` to the site's islands. */
export function focusDirective(): AstroIntegration {
  return {
    name: "help-center:client-focus",
    hooks: {
      "astro:config:setup": ({ addClientDirective }) => {
        addClientDirective({ name: "focus", entrypoint: fileURLToPath(new URL("./focus.ts", import.meta.url)) });
      },
    },
  };
}
