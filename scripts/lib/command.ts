/**
 * Runs a command-line tool's `main` and exits with its code. A failure is printed as its message
 * (and its cause's), not as a stack: the person reading it runs the server, not the code.
 */
export async function runCommand(main: () => Promise<number>): Promise<never> {
  try {
    process.exit(await main());
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const cause = error instanceof Error && error.cause instanceof Error ? ` (${error.cause.message})` : "";
    console.error(`${message}${cause}`);
    process.exit(1);
  }
}

/** Bytes as a person reads them: 1.2 MB. */
export function readableBytes(bytes: number): string {
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
