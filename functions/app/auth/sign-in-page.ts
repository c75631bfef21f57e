import { fillInputSlot, fillTextSlot } from "../lib/slots.ts";

/**
 * The sign-in page is built by Astro like every page; the server fills in where to return
 * after signing in, the address typed, and what went wrong.
 */
export function fillSignInPage(template: string, slots: { next: string; error?: string; email?: string }): string {
  let html = fillInputSlot(template, "next", slots.next);
  if (slots.email) html = fillInputSlot(html, "email", slots.email);
  if (slots.error) html = fillTextSlot(html, "error", slots.error);
  return html;
}

export const signInMessages = {
  invalid: "That e-mail address and password do not match an employee account.",
  throttled: (seconds: number) =>
    `Too many failed attempts. Try again in ${Math.ceil(seconds / 60)} minute${seconds > 60 ? "s" : ""}.`,
  incomplete: "Enter your e-mail address and your password.",
};
