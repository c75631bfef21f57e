import { escapeHtml } from "../lib/html.ts";

/**
 * The sign-in page is built by Astro like every page; the server fills in two slots: where to
 * return after signing in, and what went wrong. Both are escaped.
 */
/** Sets the value of the input marked `data-slot="<slot>"`, wherever its attributes stand. */
function fillInput(html: string, slot: string, value: string): string {
  return html.replace(new RegExp(`<input[^>]*data-slot="${slot}"[^>]*>`), (tag) =>
    tag.replace(/value="[^"]*"/, `value="${escapeHtml(value)}"`),
  );
}

export function fillSignInPage(template: string, slots: { next: string; error?: string; email?: string }): string {
  let html = fillInput(template, "next", slots.next);
  if (slots.email) html = fillInput(html, "email", slots.email);
  if (slots.error) {
    html = html.replace(/<p([^>]*data-slot="error"[^>]*) hidden(="")?>\s*<\/p>/, `<p$1>${escapeHtml(slots.error)}</p>`);
  }
  return html;
}

export const signInMessages = {
  invalid: "That e-mail address and password do not match an employee account.",
  throttled: (seconds: number) =>
    `Too many failed attempts. Try again in ${Math.ceil(seconds / 60)} minute${seconds > 60 ? "s" : ""}.`,
  incomplete: "Enter your e-mail address and your password.",
};
