import { parseNodeConfig } from "./node/config.ts";
import { startServer } from "./node/server.ts";

const server = await startServer(parseNodeConfig(process.env));
console.log(`Help center running at ${server.url} (Ctrl+C to stop)`);
if (server.employeeAccounts === 0) {
  console.log("No employee account yet. Create one with: npm run staff -- add you@example.com");
}

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => {
    void server.close().then(() => process.exit(0));
  });
}
