import { setCachePolicy } from "../lib/cache-control.ts";
import { escapeHtml } from "../lib/html.ts";
import type { ReaderLanguage } from "../lib/reader-language.ts";
import { afterBodyOpen } from "../lib/slots.ts";
import { rewritePage } from "./rewrite-page.ts";

/**
 * While an employee views the site as a customer, public pages get a bar to switch back, in the
 * page's language. It is added on the way out, so the public build itself never mentions employees.
 */
export function customerViewBar(response: Response, path: string, language: ReaderLanguage): Promise<Response> {
  const { frame } = language.m;
  const bar = `<form class="view-switch" method="post" action="/api/auth/view"><p>${escapeHtml(frame.viewingAsCustomer)}
<input type="hidden" name="as" value="employee"><input type="hidden" name="next" value="${escapeHtml(path)}">
<button type="submit">${escapeHtml(frame.backToEmployeeView)}</button></p></form>`;
  return rewritePage(
    response,
    (html) => afterBodyOpen(html, bar),
    (headers) => setCachePolicy(headers, "privateNoStore"),
  );
}
