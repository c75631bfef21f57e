import { z } from "zod";
import { parseOrExplain } from "../../src/lib/zod-issues.ts";

const nodeEnvSchema = z.object({
  /** Port of `npm start`. Default: 4321. */
  PORT: z.coerce.number().int().min(0).max(65535).default(4321),
  /** Interface to listen on. Default: 127.0.0.1 (this machine only); 0.0.0.0 to serve a network. */
  HOST: z.string().min(1).default("127.0.0.1"),
  /** The public build, served to everyone. */
  PUBLIC_SITE_DIR: z.string().min(1).default("./dist"),
  /** The internal build, served to signed-in employees only. */
  INTERNAL_SITE_DIR: z.string().min(1).default("./dist-internal"),
});

export type NodeConfig = {
  port: number;
  host: string;
  publicSiteDir: string;
  internalSiteDir: string;
};

/** Parsed once at start; nothing else reads process.env. */
export function parseNodeConfig(env: Record<string, string | undefined>): NodeConfig {
  const e = parseOrExplain(nodeEnvSchema, env, "Invalid server environment");
  return { port: e.PORT, host: e.HOST, publicSiteDir: e.PUBLIC_SITE_DIR, internalSiteDir: e.INTERNAL_SITE_DIR };
}
