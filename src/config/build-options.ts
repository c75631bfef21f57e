import { join } from "node:path";
import { z } from "zod";
import { parseOrExplain } from "../shared/zod-issues.ts";

/**
 * Everything a build reads from its environment, parsed once here.
 * astro.config.mjs, the build script and the benchmarks all go through this.
 */
const audiences = ["public", "internal"] as const;
export type Audience = (typeof audiences)[number];

const buildEnvSchema = z.object({
  /**
   * Which sites one build writes, comma-separated: `public` leaves out every internal block and
   * topic, `internal` keeps them. Both by default, in one pass.
   */
  HELP_AUDIENCES: z
    .string()
    .default("public,internal")
    .transform((value) => value.split(",").map((part) => part.trim()))
    .pipe(z.array(z.enum(audiences)).min(1, "name at least one audience: public, internal")),
  /** Folder holding `topics/`, `pages/` and `alerts/`. The benchmark points it at generated topics. */
  HELP_CONTENT_DIR: z.string().min(1).default("./content"),
  /**
   * Folder that receives `dist/` (public) and `dist-internal/` (internal). Default: the project.
   * Tests and the benchmark build elsewhere so they never touch the served site.
   */
  HELP_BUILD_ROOT: z.string().min(1).default("."),
  /** Absolute origin used in the sitemap and canonical links. */
  SITE_URL: z.url().default("http://localhost:4321"),
  /** A file to write the build's phases and their times to (the build benchmark reads it). */
  HELP_BUILD_REPORT: z.string().min(1).optional(),
});

export interface BuildOptions {
  /** The sites this build writes, in a fixed order. */
  audiences: Audience[];
  contentDir: string;
  /** Where each audience's finished site goes. */
  outDirs: Record<Audience, string>;
  /** Astro's own output: every audience's pages under `<audience>/`, split into `outDirs` at the end. */
  stagingDir: string;
  cacheDir: string;
  site: string;
  reportFile: string | undefined;
}

const outFolder: Record<Audience, string> = { public: "dist", internal: "dist-internal" };

export function parseBuildOptions(env: Record<string, string | undefined>): BuildOptions {
  const parsed = parseOrExplain(buildEnvSchema, env, "Invalid build environment");
  const root = parsed.HELP_BUILD_ROOT;
  const inProject = root === ".";
  return {
    audiences: audiences.filter((audience) => parsed.HELP_AUDIENCES.includes(audience)),
    contentDir: parsed.HELP_CONTENT_DIR,
    outDirs: { public: join(root, outFolder.public), internal: join(root, outFolder.internal) },
    stagingDir: inProject ? join(".cache", "site-build") : join(root, "site-build"),
    cacheDir: inProject ? join("node_modules", ".astro") : join(root, ".astro-cache"),
    site: parsed.SITE_URL,
    reportFile: parsed.HELP_BUILD_REPORT,
  };
}

/** Whether a route parameter names an audience, for pages that read it from their address. */
export function isAudience(value: unknown): value is Audience {
  return audiences.includes(value as Audience);
}
