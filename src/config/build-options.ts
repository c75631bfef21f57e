import { join } from "node:path";
import { z } from "zod";
import { parseOrExplain } from "../shared/zod-issues.ts";

/**
 * Everything a build reads from its environment, parsed once here.
 * astro.config.mjs, the build script and the benchmark all go through this.
 */
const buildEnvSchema = z.object({
  /** Which audience this build is for: `public` leaves out every internal block and topic. */
  HELP_AUDIENCE: z.enum(["public", "internal"]).default("public"),
  /** Folder holding `topics/`, `pages/` and `alerts/`. The benchmark points it at generated topics. */
  HELP_CONTENT_DIR: z.string().min(1).default("./content"),
  /**
   * Folder that receives `dist/` (public) and `dist-internal/` (internal). Default: the project.
   * Tests and the benchmark build elsewhere so they never touch the served site.
   */
  HELP_BUILD_ROOT: z.string().min(1).default("."),
  /** Absolute origin used in the sitemap and canonical links. */
  SITE_URL: z.url().default("http://localhost:4321"),
});

export type Audience = z.infer<typeof buildEnvSchema>["HELP_AUDIENCE"];

export interface BuildOptions {
  audience: Audience;
  contentDir: string;
  outDir: string;
  cacheDir: string;
  site: string;
}

const outFolder: Record<Audience, string> = { public: "dist", internal: "dist-internal" };

export function parseBuildOptions(env: Record<string, string | undefined>): BuildOptions {
  const parsed = parseOrExplain(buildEnvSchema, env, "Invalid build environment");
  return {
    audience: parsed.HELP_AUDIENCE,
    contentDir: parsed.HELP_CONTENT_DIR,
    outDir: join(parsed.HELP_BUILD_ROOT, outFolder[parsed.HELP_AUDIENCE]),
    // One cache per audience and root, so builds can run side by side.
    cacheDir:
      parsed.HELP_BUILD_ROOT === "."
        ? join("node_modules", ".astro", parsed.HELP_AUDIENCE)
        : join(parsed.HELP_BUILD_ROOT, ".astro-cache", parsed.HELP_AUDIENCE),
    site: parsed.SITE_URL,
  };
}
