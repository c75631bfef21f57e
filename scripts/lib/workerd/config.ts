/**
 * The Cap'n Proto text config (`workerd serve config.capnp <name>`) that serves the Worker the
 * way the platform would, without wrangler's dev proxy. One file, two configs, run as two
 * processes so that each one's CPU time can be read on its own:
 *   app     the Worker (the bundle `wrangler deploy --dry-run` writes) on 127.0.0.1:<port>,
 *           its ASSETS binding reached over a Unix socket, its fetch() allowed to loopback only
 *           (the libSQL endpoint, a webhook receiver), its variables read from workerd's own
 *           environment (`fromEnvironment`), so no secret is written into the file; beside it
 *           on a second port, in the same process, a Worker that only answers "ok" (and writes
 *           a log line, as the app does): the runtime's own cost per request, under every figure
 *   assets  assets-worker.ts over the assets folder, listening on that socket
 * Module paths are relative to the config file (workerd's `embed`); the others must be absolute.
 */

export interface WorkerdConfigOptions {
  /** The Worker's bundle, next to the config file. */
  workerModule: string;
  /** The assets Worker's bundle, next to the config file. */
  assetsModule: string;
  /** The assembled assets folder (scripts/edge-assets.ts), absolute. */
  assetsDir: string;
  /** The Unix socket the two processes talk over, absolute. */
  assetsSocket: string;
  /** Where the Worker listens, `127.0.0.1:port`. */
  address: string;
  /** Where the floor Worker listens. */
  floorAddress: string;
  compatibilityDate: string;
  compatibilityFlags: readonly string[];
  /** The Worker's variables and secrets, by name: each is taken from workerd's environment. */
  variables: readonly string[];
}

/** Names workerd accepts for a binding: what a JavaScript property can be called without quotes. */
const bindingName = /^[A-Za-z_$][\w$]*$/;

/**
 * A Cap'n Proto text literal. Its escapes are C's, which JSON's agree with for everything but
 * `\u` (which Cap'n Proto lacks): control characters are refused instead of escaped.
 */
function text(value: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: refusing control characters is the point.
  if (/[\u0000-\u001f\u007f]/.test(value))
    throw new Error(`A workerd config value cannot hold control characters: ${JSON.stringify(value)}`);
  return JSON.stringify(value);
}

/** One line: a Cap'n Proto text literal holds no newline. */
const floorWorker =
  'export default { fetch() { console.log(JSON.stringify({ type: "request", route: "/floor", status: 200 })); return new Response("ok"); } };';

export function workerdConfig(options: WorkerdConfigOptions): string {
  for (const name of options.variables) {
    if (!bindingName.test(name)) throw new Error(`Not a binding name workerd accepts: ${JSON.stringify(name)}`);
  }
  const compatibility = `compatibilityDate = ${text(options.compatibilityDate)},
      compatibilityFlags = [${options.compatibilityFlags.map(text).join(", ")}],`;
  const variables = options.variables.map((name) => `(name = ${text(name)}, fromEnvironment = ${text(name)}),`);
  const socket = text(`unix:${options.assetsSocket}`);
  return `using Workerd = import "/workerd/workerd.capnp";

const app :Workerd.Config = (
  services = [
    (name = "worker", worker = (
      modules = [(name = ${text(options.workerModule)}, esModule = embed ${text(options.workerModule)})],
      ${compatibility}
      bindings = [
        (name = "ASSETS", service = "assets"),
        ${variables.join("\n        ")}
      ],
      globalOutbound = "loopback",
    )),
    (name = "floor", worker = (
      modules = [(name = "floor.js", esModule = ${text(floorWorker)})],
      ${compatibility}
    )),
    (name = "assets", external = (address = ${socket}, http = ())),
    (name = "loopback", network = (allow = ["local"])),
  ],
  sockets = [
    (name = "http", address = ${text(options.address)}, http = (), service = "worker"),
    (name = "floor", address = ${text(options.floorAddress)}, http = (), service = "floor"),
  ],
);

const assets :Workerd.Config = (
  services = [
    (name = "assets", worker = (
      modules = [(name = ${text(options.assetsModule)}, esModule = embed ${text(options.assetsModule)})],
      ${compatibility}
      bindings = [(name = "FILES", service = "files")],
    )),
    (name = "files", disk = (path = ${text(options.assetsDir)})),
  ],
  sockets = [(name = "assets", address = ${socket}, http = (), service = "assets")],
);
`;
}
