import { useEffect, useLayoutEffect, useReducer, useRef, useState } from "preact/hooks";
import type { SandboxState } from "../../shared/demo-contract.ts";
import { AdminStep } from "./AdminStep.tsx";
import { AuditTrail } from "./AuditTrail.tsx";
import { CodeDialog } from "./CodeDialog.tsx";
import { DemoTools } from "./DemoTools.tsx";
import { demoApi, problemText } from "./demo-client.ts";
import {
  type DemoActions,
  demoReducer,
  givenCode,
  initialDemoState,
  liveCode,
  progressText,
  screenTitle,
  selectedUser,
} from "./demo-state.ts";
import type { DemoText } from "./demo-words.ts";
import { LoginStep } from "./LoginStep.tsx";
import { Recap } from "./Recap.tsx";
import { UserStep } from "./UserStep.tsx";
import { UsersStep } from "./UsersStep.tsx";

interface Props {
  text: DemoText;
  /** The reader's new sandbox, and this browser's clock when it came. */
  sandbox: SandboxState;
  browserNow: number;
  productName: string;
}

/**
 * The demo once started: the state machine is demo-state.ts; each screen is a component of its
 * own. Focus moves to each screen's heading; a polite live region says what changed. The task
 * comes first; the demo's own tools follow it.
 */
export function DemoFrame({ text, sandbox: first, browserNow, productName }: Props) {
  const [state, dispatch] = useReducer(demoReducer, text, (words) =>
    demoReducer(initialDemoState(words), { type: "sandbox", sandbox: first, browserNow, fresh: true }),
  );
  const [, setTick] = useState(0);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const live = liveCode(state);

  // The countdown ticks only while a code is on screen.
  useEffect(() => {
    if (!live) return;
    const timer = setInterval(() => setTick((t) => t + 1), 1000);
    return () => clearInterval(timer);
  }, [live !== undefined]);
  // A layout effect: focus lands on the new screen before anything else can run.
  useLayoutEffect(() => {
    if (state.focusRevision > 0) headingRef.current?.focus();
  }, [state.focusRevision]);

  const act = async (work: () => Promise<void>) => {
    dispatch({ type: "problem", problem: undefined });
    try {
      await work();
    } catch (error) {
      dispatch({ type: "problem", problem: problemText(error, text.m) });
    }
  };
  const refresh = async () => dispatch({ type: "sandbox", sandbox: await demoApi.state(), browserNow: Date.now() });
  const restart = () =>
    act(async () => dispatch({ type: "sandbox", sandbox: await demoApi.start(), browserNow: Date.now(), fresh: true }));
  // The sandbox's clock runs with the real one, shifted by however far the demo moved it.
  const now = () => Date.now() + state.clockSkew;
  const actions: DemoActions = {
    text,
    dispatch,
    act,
    refresh,
    restart,
    now,
    update: (work, message) =>
      act(async () => {
        const result = await work();
        await refresh();
        dispatch({ type: "announce", text: message(result) });
      }),
  };

  const { sandbox, step, signedIn } = state;
  const user = selectedUser(state);
  return (
    <div class="demo__frame">
      <p class="demo__progress">{progressText(text, step)}</p>
      <h3 tabIndex={-1} ref={headingRef}>
        {screenTitle(text, step)}
      </h3>
      {state.problem && (
        <p class="field-error" role="alert">
          {state.problem}
        </p>
      )}

      {step === "admin" && <AdminStep actions={actions} />}
      {step === "users" && sandbox && <UsersStep users={sandbox.users} kind={state.kind} actions={actions} />}
      {step === "user" && user && <UserStep user={user} actions={actions} />}
      {step === "dialog" && user && (
        <CodeDialog user={user} oneTime={state.oneTime} live={live} now={now()} actions={actions} />
      )}
      {step === "login" && (
        <LoginStep state={state} user={user} given={givenCode(state)} actions={actions} productName={productName} />
      )}
      {step === "recap" && signedIn && <Recap signedIn={signedIn} actions={actions} />}

      <DemoTools now={now()} actions={actions} />
      {sandbox && <AuditTrail sandbox={sandbox} text={text} />}
      <p class="visually-hidden" aria-live="polite">
        {state.announcement}
      </p>
    </div>
  );
}
