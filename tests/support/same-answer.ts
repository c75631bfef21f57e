import { formRequest } from "./form-request.ts";

/**
 * What a reader of one address gets, in the terms the runtimes must agree on (invariant 9):
 * status, the headers that carry meaning, and the body. Compared between the Node server and a
 * Worker (tests/edge/).
 */
const headersCompared = [
  "content-type",
  "cache-control",
  "vary",
  "location",
  "content-security-policy",
  "x-content-type-options",
  "referrer-policy",
  "permissions-policy",
  "x-frame-options",
  "allow",
];

export async function seen(base: string, path: string, method = "GET", init: RequestInit = {}) {
  const response = await fetch(`${base}${path}`, { ...init, method, redirect: "manual" });
  const headers = Object.fromEntries(
    headersCompared.map((name) => [name, response.headers.get(name)?.toLowerCase().replace(/\s+/g, " ") ?? null]),
  );
  // Node compresses pages itself; on the edge the platform does (and adds its own Vary then).
  headers.vary = headers.vary?.replace(/,? ?accept-encoding/, "") || null;
  return { status: response.status, headers, body: await response.text() };
}

/** What a reader gets for a plain HTML form posted to `path` (fields in order), in the same terms as `seen`. */
export const seenAfterPosting = (
  base: string,
  path: string,
  fields: Record<string, string>,
  headers: Record<string, string> = {},
) => seen(base, path, "POST", formRequest(fields, headers));
