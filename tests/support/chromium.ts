import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";

const debianChromium = "/usr/bin/chromium";

/**
 * Finds the Chromium the browser tests drive: CHROMIUM_PATH, else Debian's package. As root on
 * Debian it installs the package when missing (npm cannot, and browser downloads are blocked here);
 * anywhere else it stops with what to install.
 */
export function findOrInstallChromium(env: NodeJS.ProcessEnv = process.env): string {
  const configured = env.CHROMIUM_PATH;
  if (configured) {
    if (!existsSync(configured)) throw new Error(`CHROMIUM_PATH is set to ${configured}, but no file is there.`);
    return configured;
  }
  if (existsSync(debianChromium)) return debianChromium;

  const isRoot = process.getuid?.() === 0;
  if (isRoot && existsSync("/etc/debian_version")) {
    console.log("Chromium is missing: installing Debian's chromium package for the browser tests…");
    const aptEnv = { ...env, DEBIAN_FRONTEND: "noninteractive" };
    execFileSync("apt-get", ["update", "-qq"], { stdio: "inherit", env: aptEnv });
    execFileSync("apt-get", ["install", "-y", "-qq", "chromium"], { stdio: "inherit", env: aptEnv });
    if (existsSync(debianChromium)) return debianChromium;
  }
  throw new Error(
    "The browser tests need Chromium. Install Debian's package (sudo apt-get install chromium), " +
      "or set CHROMIUM_PATH to a Chromium or Chrome executable.",
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
