import type { Send } from "./sign-in.ts";

/** Cookies per host, as a browser would keep them (name=value only: these tests need no more). */
class CookieJar {
  private readonly jars = new Map<string, Map<string, string>>();

  header(url: URL): string {
    return [...(this.jars.get(url.host) ?? new Map())].map(([k, v]) => `${k}=${v}`).join("; ");
  }

  keep(url: URL, response: Response): void {
    const jar = this.jars.get(url.host) ?? new Map<string, string>();
    for (const cookie of response.headers.getSetCookie()) {
      const [pair = ""] = cookie.split(";");
      const at = pair.indexOf("=");
      const name = pair.slice(0, at);
      const value = pair.slice(at + 1);
      if (/max-age=0|expires=thu, 01 jan 1970/i.test(cookie)) jar.delete(name);
      else jar.set(name, value);
    }
    this.jars.set(url.host, jar);
  }
}

/**
 * A reader's browser going through single sign-on: the help center is reached through `app`
 * (`app.request`, at `appOrigin`), the provider over the network. Follows redirects, keeps
 * cookies, fills the provider's login form. Stops at the help center's callback, which it returns
 * unanswered, so a test can look at (or tamper with) it first.
 */
export function ssoBrowser(app: Send, appOrigin: string) {
  const jar = new CookieJar();
  const request = async (url: URL, init: RequestInit = {}) => {
    const headers = new Headers(init.headers);
    const cookies = jar.header(url);
    if (cookies) headers.set("Cookie", cookies);
    const response =
      url.origin === appOrigin
        ? await app(url.href, { ...init, headers, redirect: "manual" })
        : await fetch(url, { ...init, headers, redirect: "manual" });
    jar.keep(url, response);
    return response;
  };

  return {
    request,
    cookieFor: (url: string) => jar.header(new URL(url)),

    /** From the help center's start to the provider's redirect back: the callback URL. */
    async throughProvider(login: { email: string; password: string }, next = "/"): Promise<URL> {
      let url = new URL(`/api/auth/oidc/start?next=${encodeURIComponent(next)}`, appOrigin);
      for (let hop = 0; hop < 12; hop++) {
        const response = await request(url);
        const location = response.headers.get("location");
        if (location) {
          url = new URL(location, url);
          if (url.origin === appOrigin && url.pathname === "/api/auth/oidc/callback") return url;
          continue;
        }
        const page = await response.text();
        const action = /<form method="post" action="([^"]+)"/.exec(page)?.[1];
        if (response.status !== 200 || !action)
          throw new Error(`Stuck at ${url} (${response.status}): ${page.slice(0, 200)}`);
        const posted = await request(new URL(action, url), {
          method: "POST",
          headers: { "Content-Type": "application/x-www-form-urlencoded" },
          body: new URLSearchParams(login).toString(),
        });
        const after = posted.headers.get("location");
        if (!after) throw new Error(`The provider refused the login (${posted.status})`);
        url = new URL(after, url);
      }
      throw new Error("Too many redirects");
    },
  };
}
