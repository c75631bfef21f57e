import type { DemoUser, IssuedCode, SandboxState } from "../../shared/demo-contract.ts";
import type { DemoText, DemoWords } from "./demo-words.ts";

/**
 * The live demo as a pure state machine: every screen, choice and message follows from the
 * events below, so it is tested without a browser. The widget only renders it and talks to
 * the API.
 */

/** The seed topic's five steps, in order; the recap follows the last. */
const steps = ["admin", "users", "user", "dialog", "login"] as const;
export type Step = (typeof steps)[number];
export type Screen = Step | "recap";
export const stepCount = steps.length;
export const stepNumber = (step: Step) => steps.indexOf(step) + 1;
const screenKeys = {
  admin: "screenAdmin",
  users: "screenUsers",
  user: "screenUser",
  dialog: "screenDialog",
  login: "screenLogin",
  recap: "screenRecap",
} as const satisfies Record<Screen, keyof DemoWords>;

/** A screen's heading: "2. Select the user", or the recap's own. */
export function screenTitle(text: DemoText, screen: Screen): string {
  const title = text.m[screenKeys[screen]];
  return screen === "recap" ? title : text.f(text.m.stepTitle, { step: stepNumber(screen), title });
}

export type UserKind = DemoUser["kind"];
export const sectionName: Record<UserKind, string> = { client: "NetClient CS", staff: "NetStaff CS" };

/** A sign-in that worked, as the recap tells it. */
export interface SignedIn {
  name: string;
  oneTime: boolean;
  /** When the administrator generated the code, if the sandbox said. */
  issuedAt: number | undefined;
  expiresAt: number;
  /** The demo clock when the user signed in. */
  at: number;
}

export interface DemoState {
  /** The words it speaks, in the page's language. */
  text: DemoText;
  sandbox: SandboxState | undefined;
  /** The sandbox's clock minus this browser's, so the demo clock runs on between answers. */
  clockSkew: number;
  step: Screen;
  kind: UserKind;
  userId: string | undefined;
  /** The code just issued, for the user it was issued to: the dialog shows it once, the user keeps it. */
  issued: (IssuedCode & { userId: string }) | undefined;
  oneTime: boolean;
  showCodeField: boolean;
  username: string;
  typed: string;
  /** Why the typed code cannot be sent as it is (wrong length, letters). */
  codeError: string | undefined;
  result: { ok: boolean; text: string } | undefined;
  signedIn: SignedIn | undefined;
  problem: string | undefined;
  /** What the polite live region says. */
  announcement: string;
  /** Bumped when focus must move to the step's heading. */
  focusRevision: number;
}

export type DemoEvent =
  | { type: "sandbox"; sandbox: SandboxState; browserNow: number; fresh?: boolean }
  | { type: "go"; step: Step; message: string }
  | { type: "chose-kind"; kind: UserKind }
  | { type: "chose-user"; user: DemoUser }
  | { type: "one-time"; on: boolean }
  | { type: "issued"; userId: string; code: IssuedCode }
  | { type: "to-login"; name: string }
  | { type: "show-code-field" }
  | { type: "typed-username"; value: string }
  | { type: "typed-code"; value: string }
  | { type: "code-refused"; message: string }
  | { type: "result"; result: { ok: boolean; text: string } }
  | { type: "signed-in"; signedIn: SignedIn; text: string }
  | { type: "announce"; text: string }
  | { type: "problem"; problem: string | undefined };

/** The demo before a sandbox is open, speaking `text`. */
export const initialDemoState = (text: DemoText): DemoState => ({
  text,
  sandbox: undefined,
  clockSkew: 0,
  step: "admin",
  kind: "client",
  userId: undefined,
  issued: undefined,
  oneTime: false,
  showCodeField: false,
  username: "",
  typed: "",
  codeError: undefined,
  result: undefined,
  signedIn: undefined,
  problem: undefined,
  announcement: "",
  focusRevision: 0,
});

/** "Step 2 of 5" for a step; the recap is past the last step. */
export const progressText = ({ m, f }: DemoText, screen: Screen) =>
  screen === "recap"
    ? f(m.allDone, { steps: stepCount })
    : f(m.progress, { step: stepNumber(screen), steps: stepCount });

const go = (state: DemoState, step: Screen, message: string): DemoState => ({
  ...state,
  step,
  announcement: step === "recap" ? message : `${progressText(state.text, step)}: ${message}`,
  focusRevision: state.focusRevision + 1,
});

export function demoReducer(state: DemoState, event: DemoEvent): DemoState {
  const { m, f } = state.text;
  switch (event.type) {
    case "sandbox": {
      const clockSkew = event.sandbox.now - event.browserNow;
      if (!event.fresh) return { ...state, sandbox: event.sandbox, clockSkew };
      // A new sandbox is a new start: nothing chosen, typed or learned before carries over.
      const restart = {
        ...initialDemoState(state.text),
        sandbox: event.sandbox,
        clockSkew,
        focusRevision: state.focusRevision,
      };
      return go(restart, "admin", m.adminOpen);
    }
    case "go":
      return go(state, event.step, event.message);
    case "chose-kind":
      return go({ ...state, kind: event.kind }, "users", f(m.usersListed, { section: sectionName[event.kind] }));
    case "chose-user":
      return go(
        { ...state, userId: event.user.id, username: event.user.username },
        "user",
        f(m.userSelected, { name: event.user.name }),
      );
    case "one-time":
      return { ...state, oneTime: event.on };
    case "issued":
      return { ...state, issued: { userId: event.userId, ...event.code } };
    case "to-login":
      return go(
        { ...state, showCodeField: false, typed: "", codeError: undefined, result: undefined },
        "login",
        f(m.loginShown, { name: event.name }),
      );
    case "show-code-field":
      return { ...state, showCodeField: true, announcement: m.typeOrPaste };
    case "typed-username":
      return { ...state, username: event.value };
    case "typed-code":
      return { ...state, typed: event.value, codeError: undefined };
    case "code-refused":
      return { ...state, codeError: event.message, result: undefined, announcement: event.message };
    case "result":
      return { ...state, result: event.result, announcement: event.result.text };
    case "signed-in":
      return go({ ...state, signedIn: event.signedIn, result: undefined }, "recap", event.text);
    case "announce":
      return { ...state, announcement: event.text };
    case "problem":
      return { ...state, problem: event.problem };
  }
}

/** The selected user, as the sandbox last reported them. */
export const selectedUser = (state: DemoState): DemoUser | undefined =>
  state.sandbox?.users.find((u) => u.id === state.userId);

/** The code the dialog shows: only the one just issued, only for its user, only while it is live. */
export function liveCode(state: DemoState): DemoState["issued"] {
  const user = selectedUser(state);
  return state.issued && user && state.issued.userId === user.id && user.code?.state === "active"
    ? state.issued
    : undefined;
}

/**
 * The code the user was given, on the login screen: the last one issued to them, live or not,
 * since a user may well try a code that has expired or was replaced.
 */
export function givenCode(state: DemoState): DemoState["issued"] {
  return state.issued && state.issued.userId === state.userId ? state.issued : undefined;
}

/** What a step may do besides rendering: the widget's words, its dispatch and its API helpers. */
export interface DemoActions {
  text: DemoText;
  dispatch: (event: DemoEvent) => void;
  /** Runs API work; a failure becomes the demo's problem message. */
  act: (work: () => Promise<void>) => Promise<void>;
  /** Acts on the sandbox, reloads its state, then announces what changed. */
  update: <T>(work: () => Promise<T>, message: (result: T) => string) => Promise<void>;
  /** Reloads the sandbox's state. */
  refresh: () => Promise<void>;
  /** Starts over in a new sandbox, at step 1. */
  restart: () => Promise<void>;
  /** The demo clock now (the sandbox's, which the demo may have moved ahead). */
  now: () => number;
}
