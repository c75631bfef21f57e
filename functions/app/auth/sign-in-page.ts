import { referenceCatalogue, referenceLanguage } from "../../../src/shared/i18n/catalogues.ts";
import { formatMessage } from "../../../src/shared/i18n/format.ts";
import type { ApiError } from "../errors.ts";
import { escapeHtml } from "../lib/html.ts";
import type { ReaderLanguage } from "../lib/reader-language.ts";
import { fillInputSlot, fillMarkupSlot, fillTextSlot, replaceFirst } from "../lib/slots.ts";

/** The company's identity provider: its name as configured (else "your company account"), and where its link goes. */
export interface ProviderLink {
  name: string | undefined;
  href: string;
}

export interface SignInSlots {
  next: string;
  error?: string;
  email?: string;
  /** Single sign-on, offered first. */
  sso?: ProviderLink;
  /** Whether the e-mail and password form is offered. Default: yes. */
  local?: boolean;
  /** What went wrong with single sign-on: shown above its button, not in the local form. */
  ssoError?: string;
  /** After signing out: said in words, with the provider's own sign-out offered as a link after single sign-on. */
  signedOut?: { provider?: ProviderLink | undefined };
}

/**
 * The sign-in page is built by Astro in every language like every page; the server fills in, in
 * the page's language, where to return after signing in, the address typed, and what went wrong.
 */
export function fillSignInPage(template: string, slots: SignInSlots, language: ReaderLanguage): string {
  const m = language.m.signIn;
  let html = fillInputSlot(template, "next", slots.next);
  if (slots.email) html = fillInputSlot(html, "email", slots.email);
  const sso = [
    slots.signedOut ? signedOutNote(slots.signedOut.provider, language) : "",
    [slots.ssoError, slots.local === false ? slots.error : undefined]
      .filter(Boolean)
      .map((message) => `<p class="error-summary" role="alert">${escapeHtml(message ?? "")}</p>`)
      .join(""),
    slots.sso
      ? `<p><a class="button" href="${escapeHtml(slots.sso.href)}">${escapeHtml(named(language, m.withProvider, m.withCompanyAccount, slots.sso.name))}</a></p>${slots.local === false ? "" : `<p>${escapeHtml(m.orPassword)}</p>`}`
      : "",
  ].join("");
  html = fillMarkupSlot(html, "sso", sso);
  if (slots.local === false) html = replaceFirst(html, /<form[^>]*data-slot="local"[\s\S]*?<\/form>/, () => "");
  else if (slots.error) html = fillTextSlot(html, "error", slots.error);
  return html;
}

/** A message naming the provider, or its wording for an unnamed one ("your company account"). */
function named(language: ReaderLanguage, withName: string, unnamed: string, provider: string | undefined): string {
  return provider ? language.f(withName, { provider }) : unnamed;
}

function signedOutNote(provider: ProviderLink | undefined, language: ReaderLanguage): string {
  const m = language.m.signIn;
  const link = provider
    ? { href: provider.href, text: named(language, m.signOutOfProvider, m.signOutOfCompanyAccount, provider.name) }
    : { href: language.path("/"), text: m.backToHelpCenter };
  return `<p class="note" role="status">${escapeHtml(m.signedOut)} <a href="${escapeHtml(link.href)}">${escapeHtml(link.text)}</a>.</p>`;
}

/** Minutes to wait, as a person reads them: any part of a minute is a minute. */
const minutes = (seconds: number) => Math.max(1, Math.ceil(seconds / 60));

/** What a refused sign-in says, in `language`: the API's error, worded from its code. */
export function signInRefusal(error: ApiError, language: ReaderLanguage): string {
  const m = language.m.signIn;
  switch (error.code) {
    case "invalid_input":
      // Named fields are the body's hygiene (a field sent twice, control characters): not what a person typed wrong.
      return error.fields ? m.unreadable : m.incomplete;
    case "invalid_credentials":
      return m.invalid;
    case "rate_limited":
      return language.f(m.throttled, { count: minutes(Number(error.headers["Retry-After"] ?? 60)) });
    case "unavailable":
    case "shutting_down":
      return m.unavailable;
    default:
      return m.failed;
  }
}

/** What single sign-on says when it cannot begin or finish, in `language`. */
export const ssoMessages = (language: ReaderLanguage, provider: string | undefined) => {
  const m = language.m.signIn;
  return {
    unreachable: named(language, m.providerUnreachable, m.companyAccountUnreachable, provider),
    startsThrottled: (seconds: number) => language.f(m.startsThrottled, { count: minutes(seconds) }),
    notConfirmed: m.notConfirmed,
    notEmployee: (email: string | undefined) => (email ? language.f(m.notEmployee, { email }) : m.notEmployeeUnnamed),
    emailTaken: (email: string) => language.f(m.emailTaken, { email, command: `npm run staff -- remove ${email}` }),
  };
};

const { signIn: apiWords } = referenceCatalogue;

/** The API's own words for a refused sign-in (its JSON's `message`): the reference catalogue's. */
export const signInMessages = {
  invalid: apiWords.invalid,
  incomplete: apiWords.incomplete,
  throttled: (seconds: number) => formatMessage(apiWords.throttled, referenceLanguage, { count: minutes(seconds) }),
};
