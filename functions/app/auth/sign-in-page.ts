import { escapeHtml } from "../lib/html.ts";
import { fillInputSlot, fillMarkupSlot, fillTextSlot, replaceFirst } from "../lib/slots.ts";

export interface SignInSlots {
  next: string;
  error?: string;
  email?: string;
  /** Single sign-on, offered first: the provider's name and where the button goes. */
  sso?: { name: string; href: string };
  /** Whether the e-mail and password form is offered. Default: yes. */
  local?: boolean;
  /** What went wrong with single sign-on: shown above its button, not in the local form. */
  ssoError?: string;
  /** After signing out: said in words, with the provider's own sign-out offered as a link after single sign-on. */
  signedOut?: { provider?: { name: string; href: string } | undefined };
}

/**
 * The sign-in page is built by Astro like every page; the server fills in where to return
 * after signing in, the address typed, and what went wrong.
 */
export function fillSignInPage(template: string, slots: SignInSlots): string {
  let html = fillInputSlot(template, "next", slots.next);
  if (slots.email) html = fillInputSlot(html, "email", slots.email);
  const sso = [
    slots.signedOut ? signedOutNote(slots.signedOut.provider) : "",
    [slots.ssoError, slots.local === false ? slots.error : undefined]
      .filter(Boolean)
      .map((message) => `<p class="error-summary" role="alert">${escapeHtml(message ?? "")}</p>`)
      .join(""),
    slots.sso
      ? `<p><a class="button" href="${escapeHtml(slots.sso.href)}">Sign in with ${escapeHtml(slots.sso.name)}</a></p>${slots.local === false ? "" : "<p>Or with your help-center password:</p>"}`
      : "",
  ].join("");
  html = fillMarkupSlot(html, "sso", sso);
  if (slots.local === false) html = replaceFirst(html, /<form[^>]*data-slot="local"[\s\S]*?<\/form>/, () => "");
  else if (slots.error) html = fillTextSlot(html, "error", slots.error);
  return html;
}

function signedOutNote(provider: { name: string; href: string } | undefined): string {
  const also = provider
    ? ` <a href="${escapeHtml(provider.href)}">Sign out of ${escapeHtml(provider.name)} too</a>.`
    : ' <a href="/">Back to the help center</a>.';
  return `<p class="note" role="status">You are signed out of the help center.${also}</p>`;
}

const minutes = (seconds: number) => `${Math.ceil(seconds / 60)} minute${seconds > 60 ? "s" : ""}`;

export const signInMessages = {
  invalid: "That e-mail address and password do not match an employee account.",
  throttled: (seconds: number) => `Too many failed attempts. Try again in ${minutes(seconds)}.`,
  ssoThrottled: (seconds: number) =>
    `Too many sign-ins were started from here and not finished. Try again in ${minutes(seconds)}.`,
  incomplete: "Enter your e-mail address and your password.",
};
