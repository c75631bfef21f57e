/** Anything that answers a request: `app.request` in API tests, `fetch` against a real server. */
export type Send = (url: string, init: RequestInit) => Response | Promise<Response>;

/**
 * Signs an employee in through the JSON API and returns the `Cookie` header value that carries
 * the session (`session=…`, or `__Host-session=…` over https). Fails loudly when sign-in does.
 */
export async function signInAs(
  send: Send,
  account: { email: string; password: string },
  options: { base?: string; headers?: Record<string, string> } = {},
): Promise<string> {
  const response = await send(`${options.base ?? ""}/api/auth/login`, {
    method: "POST",
    headers: { "Content-Type": "application/json", ...options.headers },
    body: JSON.stringify(account),
  });
  const cookie = /(?:__Host-)?session=[^;]+/.exec(response.headers.get("set-cookie") ?? "")?.[0];
  if (!cookie) throw new Error(`Sign-in as ${account.email} failed: ${response.status}`);
  return cookie;
}
