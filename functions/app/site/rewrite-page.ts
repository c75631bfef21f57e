/**
 * Changes a built page on its way out (an HTML answer only, and never a byte range of one): the
 * page is read whole, rewritten, and sent with its headers (changed by `adjust`, if given) but
 * no stale `Content-Length`.
 */
export async function rewritePage(
  response: Response,
  rewrite: (html: string) => string,
  adjust: (headers: Headers) => void = () => {},
): Promise<Response> {
  if (!response.headers.get("Content-Type")?.startsWith("text/html") || response.status === 206) return response;
  const html = rewrite(await response.text());
  const rewritten = new Headers(response.headers);
  rewritten.delete("Content-Length");
  adjust(rewritten);
  return new Response(html, { status: response.status, headers: rewritten });
}
