import type { AddressInfo } from "node:net";
import { serve } from "@hono/node-server";
import { Hono } from "hono";
import { compress } from "hono/compress";
import { createApp } from "../app/create-app.ts";
import type { NodeConfig } from "./config.ts";
import { staticSite } from "./static-site.ts";

export interface RunningServer {
  url: string;
  close(): Promise<void>;
}

/** Starts the app with the built site on Node; used by `npm start` and by the browser tests. */
export function startServer(config: NodeConfig): Promise<RunningServer> {
  const app = createApp({
    site: staticSite(config.publicSiteDir),
    onUnexpectedError: (error) => console.error("Unexpected error:", error),
  });
  // On the edge the platform compresses; on Node the app does.
  const root = new Hono().use(compress()).route("/", app);

  return new Promise((resolve, reject) => {
    const server = serve({ fetch: root.fetch, port: config.port, hostname: config.host }, (info: AddressInfo) => {
      const host = config.host === "0.0.0.0" || config.host === "127.0.0.1" ? "localhost" : config.host;
      resolve({
        url: `http://${host}:${info.port}`,
        close: () => new Promise((done) => server.close(() => done())),
      });
    });
    server.once("error", reject);
  });
}
