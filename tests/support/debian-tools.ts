import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";

export interface DebianTool {
  /** What the tests use it for, in the message when it is missing. */
  purpose: string;
  /** The environment variable that may point at another copy. */
  envVar: string;
  /** Where Debian's package puts it. */
  path: string;
  /** The package that provides it. */
  debianPackage: string;
}

/**
 * Finds a program npm cannot install: the copy named by its environment variable, else Debian's
 * package. As root on Debian it installs the package when missing (downloads other than npm and
 * Debian are blocked here); anywhere else it stops with what to install.
 */
export function findOrInstallDebianTool(tool: DebianTool, env: NodeJS.ProcessEnv = process.env): string {
  const configured = env[tool.envVar];
  if (configured) {
    if (!existsSync(configured)) throw new Error(`${tool.envVar} is set to ${configured}, but no file is there.`);
    return configured;
  }
  if (existsSync(tool.path)) return tool.path;

  const isRoot = process.getuid?.() === 0;
  if (isRoot && existsSync("/etc/debian_version")) {
    console.log(`${tool.purpose}: installing Debian's ${tool.debianPackage} package…`);
    const aptEnv = { ...env, DEBIAN_FRONTEND: "noninteractive" };
    execFileSync("apt-get", ["update", "-qq"], { stdio: "inherit", env: aptEnv });
    execFileSync("apt-get", ["install", "-y", "-qq", tool.debianPackage], { stdio: "inherit", env: aptEnv });
    if (existsSync(tool.path)) return tool.path;
  }
  throw new Error(
    `${tool.purpose} need ${tool.path}. Install Debian's package (sudo apt-get install ${tool.debianPackage}), ` +
      `or set ${tool.envVar} to another copy.`,
  );
}
