import { fileURLToPath } from "node:url";

/** `file:data/help-center.db` (relative) or `file:///srv/help.db`: an embedded database. */
export function isFileUrl(url: string): boolean {
  return url.startsWith("file:");
}

/** The file a `file:` database URL names, in either form. */
export function fileDbPath(url: string): string {
  return url.startsWith("file://") ? fileURLToPath(url) : url.slice("file:".length);
}
