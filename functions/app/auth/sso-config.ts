import { z } from "zod";
import type { SsoSettings } from "./single-sign-on.ts";

/** The settings of single sign-on, the same on every runtime (environment or Worker bindings). */
export const ssoEnvFields = {
  /** The company's OpenID provider (its issuer URL); unset: no single sign-on. */
  OIDC_ISSUER: z.url().optional(),
  OIDC_CLIENT_ID: z.string().min(1).optional(),
  OIDC_CLIENT_SECRET: z.string().min(1).optional(),
  /** Shown on the button: "Sign in with …". Default: none, and the button says "Sign in with your company account" in the page's language. */
  OIDC_PROVIDER_NAME: z.string().min(1).optional(),
  /** Members of this group (the `groups` claim) are employees. */
  OIDC_EMPLOYEE_GROUP: z.string().min(1).optional(),
  /** Verified e-mail domains whose people are employees, comma-separated. */
  OIDC_ALLOWED_DOMAINS: z.string().default(""),
  /** The help center's public address, where the provider sends readers back. */
  PUBLIC_URL: z.url().optional(),
  /** "off" removes the e-mail and password form and its API (single sign-on only). Default: on. */
  LOCAL_SIGN_IN: z.enum(["on", "off"]).default("on"),
};

const ssoEnvSchema = z.object(ssoEnvFields);

/** Single sign-on, when configured completely; a half-done configuration stops the start, saying what is missing. */
export function ssoSettings(e: z.infer<typeof ssoEnvSchema>): SsoSettings | undefined {
  if (!e.OIDC_ISSUER) {
    if (e.LOCAL_SIGN_IN === "off")
      throw new Error("Invalid environment: LOCAL_SIGN_IN=off needs OIDC_ISSUER (nobody could sign in)");
    return undefined;
  }
  const missing = [
    ["OIDC_CLIENT_ID", e.OIDC_CLIENT_ID],
    ["OIDC_CLIENT_SECRET", e.OIDC_CLIENT_SECRET],
    ["PUBLIC_URL", e.PUBLIC_URL],
  ].filter(([, value]) => !value);
  const allowedDomains = e.OIDC_ALLOWED_DOMAINS.split(",")
    .map((d) => d.trim().toLowerCase())
    .filter(Boolean);
  if (!e.OIDC_EMPLOYEE_GROUP && allowedDomains.length === 0)
    missing.push(["OIDC_EMPLOYEE_GROUP or OIDC_ALLOWED_DOMAINS", ""]);
  if (missing.length > 0) {
    throw new Error(`Invalid environment: OIDC_ISSUER is set, so set ${missing.map(([name]) => name).join(", ")} too`);
  }
  return {
    issuer: e.OIDC_ISSUER,
    clientId: e.OIDC_CLIENT_ID ?? "",
    clientSecret: e.OIDC_CLIENT_SECRET ?? "",
    providerName: e.OIDC_PROVIDER_NAME,
    employeeGroup: e.OIDC_EMPLOYEE_GROUP,
    allowedDomains,
    publicUrl: e.PUBLIC_URL ?? "",
  };
}
