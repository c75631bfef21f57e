import { describe, expect, it } from "vitest";
import {
  type DemoEvent,
  type DemoState,
  demoReducer,
  givenCode,
  initialDemoState,
  liveCode,
  progressText,
  type SignedIn,
  selectedUser,
} from "../../src/islands/demo/demo-state.ts";
import { demoText } from "../../src/islands/demo/demo-words.ts";
import type { DemoUser, SandboxState } from "../../src/shared/demo-contract.ts";
import { referenceCatalogue } from "../../src/shared/i18n/catalogues.ts";

const text = demoText(referenceCatalogue.demo, "en");
const initial = initialDemoState(text);

const alex: DemoUser = {
  id: "client-rivera",
  kind: "client",
  name: "Alex Rivera",
  username: "arivera",
  devicePaired: true,
  code: undefined,
};
const sandbox = (users: DemoUser[] = [alex], now = 1_000_000): SandboxState => ({
  now,
  expiresAt: now + 48 * 3600_000,
  users,
  audit: [],
});
const signedIn: SignedIn = {
  name: "Alex Rivera",
  oneTime: false,
  issuedAt: 1_000_000,
  expiresAt: 2_000_000,
  at: 1_060_000,
};
const run = (events: DemoEvent[], from: DemoState = initial) => events.reduce(demoReducer, from);

describe("the live demo's state machine", () => {
  it("starts at step 1, the Admin tab, and asks for focus there", () => {
    const state = run([{ type: "sandbox", sandbox: sandbox(), browserNow: 999_000, fresh: true }]);
    expect(state.step).toBe("admin");
    expect(state.clockSkew).toBe(1000);
    expect(state.announcement).toBe("Step 1 of 5: the Admin tab is open.");
    expect(state.focusRevision).toBe(1);
  });

  it("walks the five steps, announcing each and moving focus each time", () => {
    const state = run([
      { type: "sandbox", sandbox: sandbox(), browserNow: 1_000_000, fresh: true },
      { type: "chose-kind", kind: "client" },
      { type: "chose-user", user: alex },
      { type: "go", step: "dialog", message: "the multi-factor settings are open." },
      { type: "to-login", name: "Alex Rivera" },
    ]);
    expect(state.step).toBe("login");
    expect(state.username).toBe("arivera");
    expect(state.focusRevision).toBe(5);
    expect(state.announcement).toBe("Step 5 of 5: the application's login screen is shown for Alex Rivera.");
    expect(selectedUser(state)?.name).toBe("Alex Rivera");
  });

  it("shows an issued code only for its user and only while the sandbox says it is active", () => {
    const issued = run([
      { type: "sandbox", sandbox: sandbox(), browserNow: 1_000_000, fresh: true },
      { type: "chose-user", user: alex },
      { type: "issued", userId: alex.id, code: { code: "12345678", expiresAt: 2_000_000, oneTime: false } },
    ]);
    expect(liveCode(issued)).toBeUndefined();
    const active = { issuedAt: 1, expiresAt: 2_000_000, oneTime: false, triesLeft: 5 };
    const withActive = demoReducer(issued, {
      type: "sandbox",
      sandbox: sandbox([{ ...alex, code: { state: "active", ...active } }]),
      browserNow: 1_000_000,
    });
    expect(liveCode(withActive)?.code).toBe("12345678");
    const revoked = demoReducer(withActive, {
      type: "sandbox",
      sandbox: sandbox([{ ...alex, code: { state: "revoked", ...active } }]),
      browserNow: 1_000_000,
    });
    expect(liveCode(revoked)).toBeUndefined();
  });

  it("forgets the code, the result and the user when the demo is reset", () => {
    const used = run([
      { type: "sandbox", sandbox: sandbox(), browserNow: 1_000_000, fresh: true },
      { type: "chose-user", user: alex },
      { type: "issued", userId: alex.id, code: { code: "12345678", expiresAt: 2_000_000, oneTime: true } },
      { type: "result", result: { ok: true, text: "Signed in as Alex Rivera." } },
    ]);
    const reset = demoReducer(used, { type: "sandbox", sandbox: sandbox(), browserNow: 1_000_000, fresh: true });
    expect(reset.issued).toBeUndefined();
    expect(reset.result).toBeUndefined();
    expect(reset.userId).toBeUndefined();
    expect(reset.step).toBe("admin");
  });

  it("starts again from the recap at step 1 with nothing carried over, and moves focus there", () => {
    const recapped = run([
      { type: "sandbox", sandbox: sandbox(), browserNow: 1_000_000, fresh: true },
      { type: "chose-user", user: alex },
      { type: "one-time", on: true },
      { type: "show-code-field" },
      { type: "typed-code", value: "1234 5678" },
      { type: "signed-in", signedIn, text: "Signed in as Alex Rivera." },
    ]);
    const again = demoReducer(recapped, { type: "sandbox", sandbox: sandbox(), browserNow: 1_000_000, fresh: true });
    expect(again).toEqual({
      ...initial,
      sandbox: sandbox(),
      announcement: "Step 1 of 5: the Admin tab is open.",
      focusRevision: recapped.focusRevision + 1,
    });
  });

  it("clears the code field and the last result on the way to the login screen, and says the result aloud", () => {
    const state = run([
      { type: "typed-code", value: "1234" },
      { type: "show-code-field" },
      { type: "result", result: { ok: false, text: "That code is not right." } },
      { type: "to-login", name: "Alex" },
    ]);
    expect(state).toMatchObject({ typed: "", showCodeField: false, result: undefined });
    expect(demoReducer(state, { type: "result", result: { ok: false, text: "Locked." } }).announcement).toBe("Locked.");
  });

  it("ends a sign-in that worked at the recap, past the five steps, with focus on its heading", () => {
    const state = run([
      { type: "to-login", name: "Alex Rivera" },
      { type: "signed-in", signedIn, text: "Signed in as Alex Rivera." },
    ]);
    expect(state).toMatchObject({ step: "recap", signedIn, announcement: "Signed in as Alex Rivera." });
    expect(state.focusRevision).toBe(2);
    expect(progressText(text, state.step)).toBe("All 5 steps done");
    expect(progressText(text, "login")).toBe("Step 5 of 5");
  });

  it("keeps a code that cannot be right on the field with its reason, says it aloud, and drops the reason once the reader types", () => {
    const refused = run([
      { type: "show-code-field" },
      { type: "typed-code", value: "1234" },
      { type: "code-refused", message: "The code has 8 digits; this has 4." },
    ]);
    expect(refused).toMatchObject({ step: "admin", codeError: "The code has 8 digits; this has 4." });
    expect(refused.announcement).toBe("The code has 8 digits; this has 4.");
    expect(demoReducer(refused, { type: "typed-code", value: "12345" }).codeError).toBeUndefined();
  });

  it("keeps the code the user was given for the login screen even once it no longer works", () => {
    const expired = run([
      { type: "sandbox", sandbox: sandbox(), browserNow: 1_000_000, fresh: true },
      { type: "chose-user", user: alex },
      { type: "issued", userId: alex.id, code: { code: "12345678", expiresAt: 2_000_000, oneTime: false } },
      {
        type: "sandbox",
        sandbox: sandbox([
          { ...alex, code: { state: "expired", issuedAt: 1, expiresAt: 2_000_000, oneTime: false, triesLeft: 5 } },
        ]),
        browserNow: 1_000_000,
      },
    ]);
    expect(liveCode(expired)).toBeUndefined();
    expect(givenCode(expired)?.code).toBe("12345678");
    expect(givenCode({ ...expired, userId: "staff-someone" })).toBeUndefined();
  });
});
