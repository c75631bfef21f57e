/**
 * Each message is signed as Stripe and GitHub sign theirs, so a receiver can tell it came from
 * this help center and is fresh: `X-Help-Center-Signature: t=<unix seconds>,v1=<hex>`, where
 * v1 is HMAC-SHA256 with the shared secret over `<t>.<body>`. Web Crypto: the same on both runtimes.
 */
export const signatureHeader = "X-Help-Center-Signature";

const encoder = new TextEncoder();
const hex = (bytes: ArrayBuffer) => [...new Uint8Array(bytes)].map((b) => b.toString(16).padStart(2, "0")).join("");

export async function signBody(secret: string, body: string, unixSeconds: number): Promise<string> {
  const key = await crypto.subtle.importKey("raw", encoder.encode(secret), { name: "HMAC", hash: "SHA-256" }, false, [
    "sign",
  ]);
  const mac = await crypto.subtle.sign("HMAC", key, encoder.encode(`${unixSeconds}.${body}`));
  return `t=${unixSeconds},v1=${hex(mac)}`;
}
