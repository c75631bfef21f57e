/**
 * The static-assets binding (`env.ASSETS`) for plain workerd, which has none of its own: a small
 * Worker over a disk directory that answers as the platform's binding does with wrangler.jsonc's
 * `html_handling: "none"` and `not_found_handling: "none"` (miniflare's asset worker, read
 * for this): a file's bytes with a Content-Type from its extension, HEAD without a body, 404
 * for anything that is not a file, and a Range header ignored (the whole file, 200). It runs in
 * a workerd process of its own (plain-workerd.ts), so serving files never counts as the
 * Worker's CPU time; on the platform it is not billed to the Worker either.
 */
import { getMimeType } from "hono/utils/mime";

interface Bindings {
  /** The assets folder as workerd's disk service: GET and HEAD, a JSON listing for a folder. */
  FILES: { fetch(request: Request): Promise<Response> };
}

export default {
  async fetch(request: Request, env: Bindings): Promise<Response> {
    const method = request.method === "HEAD" ? "HEAD" : "GET";
    const { pathname } = new URL(request.url);
    const file = await env.FILES.fetch(new Request(new URL(pathname, "http://files.invalid"), { method }));
    // A folder answers with a listing and no Content-Length: the binding serves files only.
    if (!file.ok || !file.headers.has("Content-Length")) {
      await file.body?.cancel();
      return new Response(null, { status: 404 });
    }
    const headers = new Headers({ "Content-Type": getMimeType(pathname) ?? "application/octet-stream" });
    return new Response(method === "HEAD" ? null : file.body, { status: 200, headers });
  },
};
