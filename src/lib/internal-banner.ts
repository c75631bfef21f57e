import { readFileSync } from "node:fs";
import { z } from "zod";
import { buildOptions, isInternalBuild } from "./build.ts";

const bannerSchema = z.strictObject({
  /** The banner's sentence, shown at the top of every page of the internal build. */
  text: z.string().trim().min(1),
  /** Where the banner's link goes. */
  href: z.url(),
});

export type InternalBanner = z.infer<typeof bannerSchema>;

let loaded: InternalBanner | null | undefined;

/**
 * The banner lives in content/, not in a component, so that its text is read only by the
 * internal build and never compiled into the public one. Read once per build, not per page.
 */
export function loadInternalBanner(): InternalBanner | null {
  loaded ??= readBanner();
  return loaded;
}

function readBanner(): InternalBanner | null {
  if (!isInternalBuild) return null;
  const file = `${buildOptions.contentDir}/internal-banner.json`;
  try {
    return bannerSchema.parse(JSON.parse(readFileSync(file, "utf8")));
  } catch (error) {
    throw new Error(`${file}: expected {"text": "...", "href": "https://..."}`, { cause: error });
  }
}
