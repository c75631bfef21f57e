import { readFileSync } from "node:fs";
import { z } from "zod";
import { buildOptions } from "./build.ts";

const bannerSchema = z.strictObject({
  /** The banner's sentence, shown at the top of every page of the internal build. */
  text: z.string().trim().min(1),
  /** Where the banner's link goes. */
  href: z.url(),
});

export type InternalBanner = z.infer<typeof bannerSchema>;

let loaded: InternalBanner | undefined;

/**
 * The banner lives in content/, not in a component, so that its text is never compiled into the
 * site's code: only an internal page reads it, when it renders. Read once per build, not per page.
 */
export function loadInternalBanner(): InternalBanner {
  loaded ??= readBanner();
  return loaded;
}

function readBanner(): InternalBanner {
  const file = `${buildOptions.contentDir}/internal-banner.json`;
  try {
    return bannerSchema.parse(JSON.parse(readFileSync(file, "utf8")));
  } catch (error) {
    throw new Error(`${file}: expected {"text": "...", "href": "https://..."}`, { cause: error });
  }
}
