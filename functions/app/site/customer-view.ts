import { setCachePolicy } from "../lib/cache-control.ts";
import { escapeHtml } from "../lib/html.ts";
import { afterBodyOpen } from "../lib/slots.ts";
import { rewritePage } from "./rewrite-page.ts";

/**
 * While an employee views the site as a customer, public pages get a bar to switch back.
 * It is added on the way out, so the public build itself never mentions employees.
 */
export function customerViewBar(response: Response, path: string): Promise<Response> {
  const bar = `<form class="view-switch" method="post" action="/api/auth/view"><p>You are viewing the help center as a customer.
<input type="hidden" name="as" value="employee"><input type="hidden" name="next" value="${escapeHtml(path)}">
<button type="submit">Back to the employee view</button></p></form>`;
  return rewritePage(
    response,
    (html) => afterBodyOpen(html, bar),
    (headers) => setCachePolicy(headers, "privateNoStore"),
  );
}
