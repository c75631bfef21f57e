/** The claims of a signed-in identity the employee rule looks at. */
export interface IdentityClaims {
  [claim: string]: unknown;
  email?: unknown;
  email_verified?: unknown;
  groups?: unknown;
}

/** Whether an identity counts as an employee: in the group, or with a verified e-mail in an allowed domain. */
export function isEmployee(
  claims: IdentityClaims,
  settings: { employeeGroup: string | undefined; allowedDomains: readonly string[] },
) {
  const inGroup =
    settings.employeeGroup !== undefined &&
    Array.isArray(claims.groups) &&
    claims.groups.includes(settings.employeeGroup);
  const email = typeof claims.email === "string" ? claims.email.toLowerCase() : "";
  const domain = email.slice(email.lastIndexOf("@") + 1);
  const inDomain = claims.email_verified === true && email.includes("@") && settings.allowedDomains.includes(domain);
  return inGroup || inDomain;
}
