import type { ReaderLanguage } from "../lib/reader-language.ts";
import { fillTextSlot } from "../lib/slots.ts";
import { rewritePage } from "./rewrite-page.ts";

/**
 * The employees' bar (src/components/EmployeeBar.astro) says who is signed in: the internal build
 * cannot know, so every internal page and dashboard view is filled in per request, in its language.
 */
export function fillEmployeeBar(html: string, email: string, language: ReaderLanguage): string {
  return fillTextSlot(html, "employee", language.f(language.m.frame.signedInAs, { email }));
}

/** An internal page on its way out, with the bar filled in. */
export function signedInAs(response: Response, email: string, language: ReaderLanguage): Promise<Response> {
  return rewritePage(response, (html) => fillEmployeeBar(html, email, language));
}
