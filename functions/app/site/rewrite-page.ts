/**
 * Changes a built page on its way out (an HTML answer only, and never a byte range of one): the
 * page is read whole, rewritten, and sent with its headers but no stale `Content-Length`.
 */
export async function rewritePage(
  response: Response,
  rewrite: (html: string) => string,
  headers: Record<string, string> = {},
): Promise<Response> {
  if (!response.headers.get("Content-Type")?.startsWith("text/html") || response.status === 206) return response;
  const html = rewrite(await response.text());
  const rewritten = new Headers(response.headers);
  rewritten.delete("Content-Length");
  for (const [name, value] of Object.entries(headers)) rewritten.set(name, value);
  return new Response(html, { status: response.status, headers: rewritten });
}
