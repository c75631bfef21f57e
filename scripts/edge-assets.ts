/**
 * Lays both builds out as the Worker's static assets (wrangler.jsonc `assets.directory`):
 *   .cache/edge/assets/public/…     dist/
 *   .cache/edge/assets/internal/…   dist-internal/
 *   .cache/edge/assets/public-assets.json   the public build's hashed asset names
 *   node scripts/edge-assets.ts
 */
import { cpSync, existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";

export const edgeAssetsDir = join(".cache", "edge", "assets");

export function assembleEdgeAssets(publicDir = "dist", internalDir = "dist-internal", out = edgeAssetsDir): string {
  for (const dir of [publicDir, internalDir]) {
    if (!existsSync(join(dir, "topics.json"))) throw new Error(`${dir} holds no build: run npm run build first.`);
  }
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  const skipDotFiles = (source: string) =>
    !source.split(/[\\/]/).some((part) => part.startsWith(".") && part.length > 1);
  cpSync(publicDir, join(out, "public"), { recursive: true, filter: skipDotFiles });
  cpSync(internalDir, join(out, "internal"), { recursive: true, filter: skipDotFiles });
  const hashed = existsSync(join(publicDir, "_astro")) ? readdirSync(join(publicDir, "_astro")) : [];
  writeFileSync(join(out, "public-assets.json"), `${JSON.stringify(hashed)}\n`);
  return out;
}

if (import.meta.main) console.log(`Edge assets in ${assembleEdgeAssets()}`);
