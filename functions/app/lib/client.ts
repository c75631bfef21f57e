import type { Context } from "hono";

/** Who sent a request, as the runtime's entry worked it out (proxies included). */
export interface RequestClient {
  /** The client's network address: only ever stored as a keyed hash. */
  address: string;
  /** Whether the reader's browser reached us over https (HSTS, `Secure` and `__Host-` cookies). */
  https: boolean;
}

/** The variable the app's first middleware sets on every request. */
export interface ClientVariables {
  client: RequestClient;
}

type WithClient = Context<{ Variables: ClientVariables }>;

export const clientAddress = (c: Context): string => (c as WithClient).get("client").address;
export const isHttps = (c: Context): boolean => (c as WithClient).get("client").https;
