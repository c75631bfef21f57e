import type { hc, InferRequestType, InferResponseType } from "hono/client";
import { type AppType, errorBodyOf } from "../../shared/api-contract.ts";

export type { DemoUser, SandboxState, VerifyOutcome } from "../../shared/demo-contract.ts";

type DemoApi = ReturnType<typeof hc<AppType>>["api"]["demo"];
type SignInBody = InferRequestType<DemoApi["sign-in"]["$post"]>["json"];
type IssueBody = InferRequestType<DemoApi["users"][":userId"]["code"]["$post"]>["json"];
type Answer<Endpoint> = InferResponseType<Endpoint, 200 | 201>;

/**
 * A call that did not work: the network (`unreachable`, which the demo says in the page's
 * language), or the server's refusal with its own message (the API speaks the default language).
 */
export class DemoError extends Error {
  readonly unreachable: boolean;
  constructor(message: string, { unreachable = false } = {}) {
    super(message);
    this.unreachable = unreachable;
  }
}

/**
 * The demo API, checked against the app's types at both ends: each call's answer has the type
 * its route returns. Plain fetch keeps the island small (hono/client would add 2 KB).
 */
async function call<Endpoint>(method: string, path: string, body?: unknown): Promise<Answer<Endpoint>> {
  let response: Response;
  try {
    response = await fetch(`/api/demo${path}`, {
      method,
      headers: body === undefined ? {} : { "Content-Type": "application/json" },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
  } catch {
    throw new DemoError("unreachable", { unreachable: true });
  }
  const data: unknown = await response.json().catch(() => undefined);
  if (!response.ok) {
    const error = errorBodyOf(data);
    throw new DemoError(error?.fields?.map((f) => f.message).join(" ") || error?.message || "");
  }
  // The route's own type: what it returned is what the compiler says it returns.
  return data as Answer<Endpoint>;
}

const user = (id: string) => `/users/${encodeURIComponent(id)}`;

export const demoApi = {
  start: () => call<DemoApi["sandbox"]["$post"]>("POST", "/sandbox"),
  state: () => call<DemoApi["sandbox"]["$get"]>("GET", "/sandbox"),
  issue: (userId: string, body: IssueBody) =>
    call<DemoApi["users"][":userId"]["code"]["$post"]>("POST", `${user(userId)}/code`, body),
  revoke: (userId: string) => call<DemoApi["users"][":userId"]["code"]["$delete"]>("DELETE", `${user(userId)}/code`),
  setDevice: (userId: string, paired: boolean) =>
    call<DemoApi["users"][":userId"]["device"]["$put"]>("PUT", `${user(userId)}/device`, { paired }),
  signIn: (body: SignInBody) => call<DemoApi["sign-in"]["$post"]>("POST", "/sign-in", body),
  advance: (hours: number) => call<DemoApi["clock"]["$post"]>("POST", "/clock", { hours }),
};

/** What the demo says about a failed call: the network in its own words, a refusal in the server's, else `failed`. */
export function problemText(error: unknown, words: { unreachable: string; failed: string }): string {
  if (error instanceof DemoError) return error.unreachable ? words.unreachable : error.message || words.failed;
  return words.failed;
}
