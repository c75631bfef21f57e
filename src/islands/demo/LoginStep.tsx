import { useLayoutEffect, useRef } from "preact/hooks";
import { demoApi } from "./demo-client.ts";
import type { DemoActions, DemoState } from "./demo-state.ts";
import { outcomeMessage } from "./demo-text.ts";

interface Props {
  state: Pick<DemoState, "username" | "typed" | "showCodeField" | "result">;
  /** The selected user's name, for the messages. */
  name: string | undefined;
  actions: DemoActions;
}

/** Step 5: the application's login screen, where the user signs in with the code. */
export function LoginStep({ state, name, actions }: Props) {
  const { dispatch, act, refresh } = actions;
  const codeRef = useRef<HTMLInputElement>(null);
  useLayoutEffect(() => {
    if (state.showCodeField) codeRef.current?.focus();
  }, [state.showCodeField]);

  return (
    <form
      class="demo__screen demo__login"
      aria-label="Application login screen"
      onSubmit={(e) => {
        e.preventDefault();
        // Read the fields themselves: a fast typist can submit before the last keystroke re-renders.
        const fields = new FormData(e.currentTarget);
        act(async () => {
          const { outcome } = await demoApi.signIn({
            username: String(fields.get("username") ?? ""),
            code: String(fields.get("code") ?? ""),
          });
          dispatch({ type: "result", result: outcomeMessage(outcome, name ?? state.username) });
          await refresh();
        });
      }}
    >
      <p class="demo__tab">CS Professional Suite: sign in</p>
      <div class="field">
        <label for="demo-username">User name</label>
        <input
          id="demo-username"
          name="username"
          value={state.username}
          autocomplete="off"
          onInput={(e) => dispatch({ type: "typed-username", value: e.currentTarget.value })}
        />
      </div>
      {state.showCodeField ? (
        <div class="field">
          <label for="demo-code">Temporary code</label>
          <input
            id="demo-code"
            ref={codeRef}
            name="code"
            inputMode="numeric"
            autocomplete="one-time-code"
            value={state.typed}
            onInput={(e) => dispatch({ type: "typed-code", value: e.currentTarget.value })}
          />
        </div>
      ) : (
        <p>
          <button type="button" class="demo__link" onClick={() => dispatch({ type: "show-code-field" })}>
            Enter a code
          </button>
        </p>
      )}
      {state.showCodeField && (
        <button type="submit" class="button">
          Sign in
        </button>
      )}
      {state.result && (
        <p class={state.result.ok ? "demo__result demo__result--ok" : "demo__result demo__result--refused"}>
          {state.result.text}
        </p>
      )}
      <p>
        <button
          type="button"
          class="button button--quiet"
          onClick={() => dispatch({ type: "go", step: "admin", message: "back at the Admin tab." })}
        >
          Back to the Admin tab
        </button>
      </p>
    </form>
  );
}
