import { useEffect, useLayoutEffect, useReducer, useRef, useState } from "preact/hooks";
import { AdminStep } from "./AdminStep.tsx";
import { AuditTrail } from "./AuditTrail.tsx";
import { CodeDialog } from "./CodeDialog.tsx";
import { DemoTools } from "./DemoTools.tsx";
import { DemoError, demoApi } from "./demo-client.ts";
import {
  type DemoActions,
  demoReducer,
  givenCode,
  initialDemoState,
  liveCode,
  progressText,
  screenTitle,
  selectedUser,
  stepNumber,
} from "./demo-state.ts";
import { LoginStep } from "./LoginStep.tsx";
import { Recap } from "./Recap.tsx";
import { UserStep } from "./UserStep.tsx";
import { UsersStep } from "./UsersStep.tsx";

/**
 * The seed topic's five steps against the real API, in a sandbox of fictional users, then a
 * recap. The state machine is demo-state.ts; each screen is a component of its own. Focus moves
 * to each screen's heading; a polite live region says what changed. The task comes first; the
 * demo's own tools follow it.
 */
export default function TryTemporaryCode({ productName }: { productName: string }) {
  const [state, dispatch] = useReducer(demoReducer, initialDemoState);
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
      dispatch({ type: "problem", problem: error instanceof DemoError ? error.message : "Something went wrong." });
    }
  };
  const refresh = async () => dispatch({ type: "sandbox", sandbox: await demoApi.state(), browserNow: Date.now() });
  const restart = () =>
    act(async () => dispatch({ type: "sandbox", sandbox: await demoApi.start(), browserNow: Date.now(), fresh: true }));
  // The sandbox's clock runs with the real one, shifted by however far the demo moved it.
  const now = () => Date.now() + state.clockSkew;
  const actions: DemoActions = {
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

  const problem = state.problem && (
    <p class="field-error" role="alert">
      {state.problem}
    </p>
  );
  const { sandbox, step, signedIn } = state;
  // The server renders this intro too: the button is in the page, in tab order, before the island
  // wakes (it hydrates as it comes near the window). Without JavaScript the stylesheet hides it
  // (html[data-js], set by the head's inline script) and shows the note beside it instead.
  if (!sandbox) {
    return (
      <div class="demo__intro">
        <p>
          Try the five steps yourself with made-up users, then sign in as one of them with the code. Nothing here
          touches a real account.
        </p>
        {problem}
        <button type="button" class="button demo__start" onClick={restart}>
          Start the demo
        </button>
      </div>
    );
  }

  const user = selectedUser(state);
  return (
    <div class="demo__frame">
      <p class="demo__progress">{progressText(step)}</p>
      <h3 tabIndex={-1} ref={headingRef}>
        {step === "recap" ? screenTitle.recap : `${stepNumber(step)}. ${screenTitle[step]}`}
      </h3>
      {problem}

      {step === "admin" && <AdminStep dispatch={dispatch} />}
      {step === "users" && <UsersStep users={sandbox.users} kind={state.kind} dispatch={dispatch} />}
      {step === "user" && user && <UserStep user={user} actions={actions} />}
      {step === "dialog" && user && (
        <CodeDialog user={user} oneTime={state.oneTime} live={live} now={now()} actions={actions} />
      )}
      {step === "login" && (
        <LoginStep state={state} user={user} given={givenCode(state)} actions={actions} productName={productName} />
      )}
      {step === "recap" && signedIn && <Recap signedIn={signedIn} actions={actions} />}

      <DemoTools now={now()} actions={actions} />
      <AuditTrail sandbox={sandbox} />
      <p class="visually-hidden" aria-live="polite">
        {state.announcement}
      </p>
    </div>
  );
}
