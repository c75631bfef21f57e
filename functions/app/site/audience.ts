import type { MiddlewareHandler } from "hono";
import { viewCookie } from "../auth/cookies.ts";
import type { AppEnv } from "../deps.ts";
import { languageOfPath } from "../lib/reader-language.ts";
import type { SiteLanguageCodes } from "../topic-catalog.ts";
import { customerViewBar } from "./customer-view.ts";
import { signedInAs } from "./employee-bar.ts";

/** The two builds, as the runtime serves them. */
export interface Sites {
  public: MiddlewareHandler;
  internal: MiddlewareHandler;
  /** Paths the same for every audience (hashed assets of the public build): no session needed. */
  isPublicAsset?: (path: string) => boolean;
}

/**
 * Serves every path the API does not own from one of the two builds: the internal build to a
 * signed-in employee, the public one to everyone else and to an employee viewing as a customer.
 * What the server adds to a page speaks the page's language, which its address says (`/de/…`).
 */
export function audienceSwitch(sites: Sites, languages: SiteLanguageCodes): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    // The same address answers differently with and without a session: no cache may mix them.
    c.header("Vary", "Cookie");
    const employee = c.get("employee");
    if (!employee) return sites.public(c, next);
    const language = languageOfPath(languages, c.req.path);
    if (!viewCookie.asCustomer(c)) {
      const response = await sites.internal(c, next);
      return response ? signedInAs(response, employee.email, language) : response;
    }
    const response = await sites.public(c, next);
    return response ? customerViewBar(response, c.req.path, language) : response;
  };
}
