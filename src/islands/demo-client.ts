import type { hc, InferRequestType } from "hono/client";
import type { AppType } from "../../functions/app/create-app.ts";
import type { SandboxState } from "../../functions/app/demo/sandboxes.ts";
import type { VerifyOutcome } from "../../functions/app/demo/temporary-codes.ts";

export type { SandboxState } from "../../functions/app/demo/sandboxes.ts";
export type { VerifyOutcome } from "../../functions/app/demo/temporary-codes.ts";
export type DemoUser = SandboxState["users"][number];

type DemoApi = ReturnType<typeof hc<AppType>>["api"]["demo"];
type SignInBody = InferRequestType<DemoApi["sign-in"]["$post"]>["json"];
type IssueBody = InferRequestType<DemoApi["users"][":userId"]["code"]["$post"]>["json"];

export class DemoError extends Error {}

/** The demo API, checked against the app's types; plain fetch keeps the island small. */
async function call<T>(method: string, path: string, body?: unknown): Promise<T> {
  let response: Response;
  try {
    response = await fetch(`/api/demo${path}`, {
      method,
      headers: body === undefined ? {} : { "Content-Type": "application/json" },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
  } catch {
    throw new DemoError("The demo could not reach the server. Check your connection and try again.");
  }
  const data = (await response.json().catch(() => ({}))) as T & {
    error?: { message?: string; fields?: { message: string }[] };
  };
  if (!response.ok) {
    throw new DemoError(
      data.error?.fields?.map((f) => f.message).join(" ") || data.error?.message || "Something went wrong.",
    );
  }
  return data;
}

export const demoApi = {
  start: () => call<SandboxState>("POST", "/sandbox"),
  state: () => call<SandboxState>("GET", "/sandbox"),
  issue: (userId: string, body: IssueBody) =>
    call<{ code: string; expiresAt: number; oneTime: boolean }>(
      "POST",
      `/users/${encodeURIComponent(userId)}/code`,
      body,
    ),
  revoke: (userId: string) => call<{ revoked: boolean }>("DELETE", `/users/${encodeURIComponent(userId)}/code`),
  setDevice: (userId: string, paired: boolean) =>
    call<{ paired: boolean }>("PUT", `/users/${encodeURIComponent(userId)}/device`, { paired }),
  signIn: (body: SignInBody) => call<{ outcome: VerifyOutcome }>("POST", "/sign-in", body),
  advance: (hours: number) => call<SandboxState>("POST", "/clock", { hours }),
};
