import { fillTextSlot } from "../lib/slots.ts";
import { rewritePage } from "./rewrite-page.ts";

/**
 * The employees' bar (src/components/EmployeeBar.astro) says who is signed in: the internal build
 * cannot know, so every internal page and dashboard view is filled in per request.
 */
export function fillEmployeeBar(html: string, email: string): string {
  return fillTextSlot(html, "employee", `Signed in as ${email}`);
}

/** An internal page on its way out, with the bar filled in. */
export function signedInAs(response: Response, email: string): Promise<Response> {
  return rewritePage(response, (html) => fillEmployeeBar(html, email));
}
