/**
 * `npm run idp`: a local OpenID provider on 127.0.0.1:IDP_PORT (default 4455) for a help center
 * at PUBLIC_URL (default http://localhost:4321), and the settings to start the help center with.
 */
import { devUsers, startDevProvider } from "./lib/oidc-dev-provider.ts";

const port = Number(process.env.IDP_PORT ?? 4455);
const publicUrl = process.env.PUBLIC_URL ?? "http://localhost:4321";
const provider = await startDevProvider({ port, publicUrl });
console.log(`Local identity provider at ${provider.issuer} (Ctrl+C to stop)\n`);
console.log("Start the help center against it with:\n");
console.log(
  `  ${Object.entries(provider.settings)
    .map(([k, v]) => `${k}=${JSON.stringify(v)}`)
    .join(" ")} npm start\n`,
);
console.log("People:");
for (const user of devUsers) {
  console.log(
    `  ${user.email} / ${user.password}  (${user.groups.length ? `groups: ${user.groups.join(", ")}` : "in no group"})`,
  );
}
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => void provider.close().then(() => process.exit(0)));
}
