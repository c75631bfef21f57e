/**
 * Log lines to standard output, written together once per turn of the event loop. On Linux a
 * write to a pipe (how a supervisor or a container reads a server's output) is synchronous: one
 * per request line held the thread that serves every request (bench:api measured a quarter of the
 * refusals' throughput). Lines of one turn share a write; what is pending is written at exit.
 */
export function batchedStdout(): (line: string) => void {
  let pending: string[] = [];
  let scheduled = false;
  const flush = () => {
    scheduled = false;
    if (pending.length === 0) return;
    const text = `${pending.join("\n")}\n`;
    pending = [];
    process.stdout.write(text);
  };
  process.once("exit", flush);
  return (line) => {
    pending.push(line);
    if (!scheduled) {
      scheduled = true;
      setImmediate(flush);
    }
  };
}

/** The Node server's one stdout log writer. */
export const stdoutLines = batchedStdout();
