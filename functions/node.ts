import { parseNodeConfig } from "./node/config.ts";
import { startServer } from "./node/server.ts";

const config = parseNodeConfig(process.env);
const server = await startServer(config);
console.log(`Help center running at ${server.url} (Ctrl+C to stop)`);
if (server.employeeAccounts === 0) {
  console.log("No employee account yet. Create one with: npm run staff -- add you@example.com");
}

/**
 * SIGTERM (a supervisor, a container stop) or SIGINT (Ctrl+C): the orderly stop, within
 * SHUTDOWN_TIMEOUT_MS (node/shutdown.ts); exit code 0 when everything finished in time. Whatever
 * happens, the process is gone when the time is up, and a second signal ends it at once.
 */
let stopping = false;
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    if (stopping) process.exit(1);
    stopping = true;
    setTimeout(() => process.exit(1), config.shutdownTimeoutMs).unref();
    void server.close().then(({ clean }) => process.exit(clean ? 0 : 1));
  });
}
