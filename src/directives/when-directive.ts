import { fileURLToPath } from "node:url";
import type { AstroIntegration } from "astro";
import type { Wake } from "./when.ts";

declare module "astro" {
  interface AstroClientDirectives {
    /** When the island wakes: the first focus of an element, or coming near the viewport (src/directives/when.ts). */
    "client:when"?: Wake;
  }
}

/** Adds `client:when` to the site's islands. */
export function whenDirective(): AstroIntegration {
  return {
    name: "help-center:client-when",
    hooks: {
      "astro:config:setup": ({ addClientDirective }) => {
        addClientDirective({ name: "when", entrypoint: fileURLToPath(new URL("./when.ts", import.meta.url)) });
      },
    },
  };
}
