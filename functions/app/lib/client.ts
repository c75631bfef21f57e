import type { Context } from "hono";

/** Who sent a request, as the runtime's entry worked it out (proxies included). */
export interface RequestClient {
  /** The client's network address: only ever stored as a keyed hash. */
  address: string;
  /** Whether the reader's browser reached us over https (HSTS, `Secure` and `__Host-` cookies). */
  https: boolean;
  /** The request's id as a trusted proxy gave it (`X-Request-Id`, Cloudflare's `CF-Ray`), if any. */
  requestId?: string | undefined;
}

/** The variable the app's first middleware sets on every request. */
export interface ClientVariables {
  client: RequestClient;
}

type WithClient = Context<{ Variables: ClientVariables }>;

/**
 * Who a client is for limits and keyed hashes: its address, or for IPv6 its /64 network. One
 * subscriber gets a whole /64 and a host can take any address in it, so counting whole IPv6
 * addresses would let one machine pass every limit by changing its address.
 */
export function clientKey(address: string): string {
  const bare = address.replace(/^\[|\]$/g, "").split("%")[0] ?? "";
  if (!bare.includes(":")) return address;
  if (/^::ffff:\d+\.\d+\.\d+\.\d+$/i.test(bare)) return bare.slice(7);
  const [head = "", tail = ""] = bare.toLowerCase().split("::");
  const front = head ? head.split(":") : [];
  const back = tail ? tail.split(":") : [];
  const groups = bare.includes("::") ? [...front, ...Array(8 - front.length - back.length).fill("0"), ...back] : front;
  return `${groups
    .slice(0, 4)
    .map((g) => g.replace(/^0+(?=.)/, ""))
    .join(":")}::/64`;
}

/** The request's client as limits count it (see `clientKey`): only ever stored as a keyed hash. */
export const clientAddress = (c: Context): string => clientKey((c as WithClient).get("client").address);
export const isHttps = (c: Context): boolean => (c as WithClient).get("client").https;
