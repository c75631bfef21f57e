import { escapeHtml } from "../lib/html.ts";
import { afterBodyOpen } from "../lib/slots.ts";

/**
 * While an employee views the site as a customer, public pages get a bar to switch back.
 * It is added on the way out, so the public build itself never mentions employees.
 */
export async function customerViewBar(response: Response, path: string): Promise<Response> {
  if (!response.headers.get("Content-Type")?.startsWith("text/html")) return response;
  const bar = `<form class="view-switch" method="post" action="/api/auth/view"><p>You are viewing the help center as a customer.
<input type="hidden" name="as" value="employee"><input type="hidden" name="next" value="${escapeHtml(path)}">
<button type="submit">Back to the employee view</button></p></form>`;
  const html = afterBodyOpen(await response.text(), bar);
  const headers = new Headers(response.headers);
  headers.delete("Content-Length");
  headers.set("Cache-Control", "private, no-store");
  return new Response(html, { status: response.status, headers });
}
