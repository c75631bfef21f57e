import { findOrInstallDebianTool } from "./debian-tools.ts";

/** The Chromium the browser tests drive: CHROMIUM_PATH, else Debian's package (installed as root when missing). */
export function findOrInstallChromium(env: NodeJS.ProcessEnv = process.env): string {
  return findOrInstallDebianTool(
    { purpose: "The browser tests", envVar: "CHROMIUM_PATH", path: "/usr/bin/chromium", debianPackage: "chromium" },
    env,
  );
}

/** As root Chromium needs --no-sandbox; the rest keep it off the closed network here. */
export const chromiumArgs = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
];
