import type { hc, InferRequestType, InferResponseType } from "hono/client";
import { type AppType, errorBodyOf } from "../../shared/api-contract.ts";
import type { ErrorBody } from "../../shared/api-errors.ts";
import type { DemoWords } from "./demo-words.ts";

export type { DemoUser, SandboxState, VerifyOutcome } from "../../shared/demo-contract.ts";

type DemoApi = ReturnType<typeof hc<AppType>>["api"]["demo"];
type SignInBody = InferRequestType<DemoApi["sign-in"]["$post"]>["json"];
type IssueBody = InferRequestType<DemoApi["users"][":userId"]["code"]["$post"]>["json"];
type Answer<Endpoint> = InferResponseType<Endpoint, 200 | 201>;

/**
 * A call that did not work: the network (`unreachable`), or the server's refusal, kept as the API
 * gave it; the demo says either in the page's language (`problemText`).
 */
export class DemoError extends Error {
  readonly unreachable: boolean;
  readonly refusal: Partial<ErrorBody["error"]>;
  constructor(refusal: Partial<ErrorBody["error"]>, { unreachable = false } = {}) {
    super(refusal.message ?? "unreachable");
    this.refusal = refusal;
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
    throw new DemoError({}, { unreachable: true });
  }
  const data: unknown = await response.json().catch(() => undefined);
  if (!response.ok) throw new DemoError(errorBodyOf(data));
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

type ProblemWords = Pick<
  DemoWords,
  "unreachable" | "failed" | "ended" | "tooManyDemos" | "noUser" | "noUserName" | "noCode" | "unavailable" | "typeCode"
>;

/** The demo's words for a refusal, by the API's code; `invalid_input` goes by the field it names. */
const refusalWords: Partial<Record<string, keyof ProblemWords>> = {
  no_sandbox: "ended",
  rate_limited: "tooManyDemos",
  no_user: "noUser",
  no_code: "noCode",
  unavailable: "unavailable",
  shutting_down: "unavailable",
};

/**
 * What the demo says about a failed call, in the page's language: the network, or a refusal worded
 * from the API's stable `code` (and the field it names), never from its `message`, which is the
 * default language's; anything else is `failed`.
 */
export function problemText(error: unknown, words: ProblemWords): string {
  if (!(error instanceof DemoError)) return words.failed;
  if (error.unreachable) return words.unreachable;
  const { code = "", fields = [] } = error.refusal;
  // The island checks the code as typed first: what is left is a name the sandbox does not know.
  const named = (field: string) => code === "invalid_input" && fields.some((f) => f.field === field);
  if (named("username")) return words.noUserName;
  if (named("code")) return words.typeCode;
  return words[refusalWords[code] ?? "failed"];
}
