/**
 * Runs a command-line tool's `main` and exits with its code. A failure is printed as its message
 * (and its cause's), not as a stack: the person reading it runs the server, not the code.
 */
async function runCommand(main: () => Promise<number>): Promise<never> {
  try {
    process.exit(await main());
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const cause = error instanceof Error && error.cause instanceof Error ? ` (${error.cause.message})` : "";
    console.error(`${message}${cause}`);
    process.exit(1);
  }
}

/** A tool that takes one file, FILE in `usage`: anything else prints the usage and exits 2. */
export function runOnFile(usage: string, main: (file: string) => Promise<number>): Promise<never> {
  const [file, ...rest] = process.argv.slice(2);
  return runCommand(async () => {
    if (!file || rest.length > 0) {
      console.error(`Usage: ${usage}`);
      return 2;
    }
    return main(file);
  });
}

/** Bytes as a person reads them: 1.2 MB. */
export function readableBytes(bytes: number): string {
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** A database URL as printed: without its query, where a token may be written (`?authToken=…`). */
export function shownUrl(url: string): string {
  return url.split("?")[0] ?? url;
}
