import { z } from "zod";
import { bodyRefusals } from "../openapi/body-refusals.ts";
import { answer, describe, sent } from "../openapi/describe.ts";

const ssoPage = (what: string) => answer.page(`The sign-in page, saying ${what}.`);

export const authDocs = {
  login: describe({
    tag: "auth",
    summary: "Sign in with an e-mail address and password",
    description:
      "Starts a session (the `session` cookie, `__Host-session` over https) in place of any earlier one. The sign-in page posts here as a plain form.",
    answers: {
      200: answer.json("Signed in: where to go next.", z.strictObject({ next: z.string() })),
      303: answer.seeOther("A plain form's sign-in: on to where the reader was going."),
    },
    refusals: [...bodyRefusals, "invalid_credentials", "not_found", "rate_limited", "unavailable"],
    asPage: ["invalid_input", "invalid_credentials", "not_found", "payload_too_large", "rate_limited", "unavailable"],
  }),
  logout: describe({
    tag: "auth",
    summary: "Sign out: the session ends, its cookies are cleared",
    body: {
      description: "Nothing is read from it: its media type says how to answer (JSON, or a redirect for a form).",
      content: { "application/json": {}, "application/x-www-form-urlencoded": {} },
    },
    answers: {
      200: answer.json("Signed out.", z.strictObject({ signedOut: z.literal(true) })),
      303: answer.seeOther("A plain form's sign-out: to the sign-in page, which says so."),
    },
    refusals: ["cross_origin", "payload_too_large", "unsupported_media_type", "unavailable"],
  }),
  view: describe({
    tag: "auth",
    summary: "See the help center as a customer does, or as an employee again",
    answers: {
      200: answer.json("The view chosen.", z.strictObject({ view: z.enum(["customer", "employee"]) })),
      303: answer.seeOther("A plain form's choice: back to the page."),
    },
    refusals: [...bodyRefusals, "signed_out"],
    employeesOnly: true,
  }),
  ssoStart: describe({
    tag: "auth",
    summary: "Single sign-on: off to the company's identity provider",
    description: "Only a navigation begins a sign-in (`Sec-Fetch-Mode: navigate`): an image or a script cannot.",
    answers: {
      303: answer.seeOther("To the identity provider (and a `sso_state` cookie)."),
      429: ssoPage("that too many sign-ins were begun from here"),
      503: ssoPage("that the identity provider cannot be reached"),
    },
    refusals: ["not_a_navigation", "not_found", "unavailable"],
  }),
  ssoCallback: describe({
    tag: "auth",
    summary: "Single sign-on: the identity provider sends the reader back here",
    answers: {
      303: answer.seeOther("Signed in: on to where the reader was going."),
      400: ssoPage("that the sign-in could not be confirmed"),
      403: ssoPage("that the account is not an employee's"),
      409: ssoPage("that another account already has this e-mail address"),
      503: ssoPage("that the identity provider cannot be reached"),
    },
    refusals: ["not_found", "unavailable"],
  }),
  backChannelLogout: describe({
    tag: "auth",
    summary: "Single sign-on: the identity provider says a person signed out there",
    description: "OpenID Connect Back-Channel Logout 1.0.",
    body: {
      description: "The provider's signed logout token.",
      content: { "application/x-www-form-urlencoded": { schema: sent(z.object({ logout_token: z.string() })) } },
    },
    answers: { 200: answer.empty("The sessions it names have ended.") },
    refusals: [
      "invalid_logout_token",
      "not_found",
      "cross_origin",
      "payload_too_large",
      "unsupported_media_type",
      "unavailable",
    ],
  }),
};
