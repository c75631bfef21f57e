import { useLayoutEffect, useRef } from "preact/hooks";
import type { DemoUser } from "../../shared/demo-contract.ts";
import { CodeToCopy } from "./CodeToCopy.tsx";
import { demoApi } from "./demo-client.ts";
import type { DemoActions, DemoState } from "./demo-state.ts";
import { refusalMessage } from "./demo-text.ts";
import { readTypedCode } from "./typed-code.ts";

interface Props {
  state: Pick<DemoState, "username" | "typed" | "codeError" | "showCodeField" | "result">;
  /** The selected user, for the messages and the recap. */
  user: DemoUser | undefined;
  /** The code the administrator gave the user, to read or copy: the field stays for the reader to fill. */
  given: DemoState["issued"];
  actions: DemoActions;
  /** The product's name from the brand file, on the login screen's title bar. */
  productName: string;
}

/** Step 5: the code the user was given, and the application's login screen where they sign in with it. */
export function LoginStep({ state, user, given, actions, productName }: Props) {
  const { dispatch, act, refresh, now, text } = actions;
  const { m, f, time } = text;
  const codeRef = useRef<HTMLInputElement>(null);
  useLayoutEffect(() => {
    if (state.showCodeField) codeRef.current?.focus();
  }, [state.showCodeField]);
  const name = user?.name ?? state.username;
  const describedBy = state.codeError ? "demo-code-hint demo-code-error" : "demo-code-hint";

  return (
    <>
      {given && (
        <section class="demo__given" aria-labelledby="demo-given-title">
          <h4 id="demo-given-title">{f(m.givenTitle, { name })}</h4>
          <CodeToCopy code={given.code} text={text} />
          <p class="demo__hint">
            {given.oneTime ? `${m.oneTimeCode} ` : ""}
            {f(m.expiresAt, { time: time(given.expiresAt) })}
          </p>
        </section>
      )}
      <form
        class="demo__screen demo__login"
        aria-label={m.loginScreen}
        onSubmit={(e) => {
          e.preventDefault();
          // Read the fields themselves: a fast typist can submit before the last keystroke re-renders.
          const fields = new FormData(e.currentTarget);
          const typed = readTypedCode(text, String(fields.get("code") ?? ""));
          if (!typed.ok) {
            dispatch({ type: "code-refused", message: typed.message });
            codeRef.current?.focus();
            return;
          }
          act(async () => {
            const { outcome } = await demoApi.signIn({
              username: String(fields.get("username") ?? ""),
              code: typed.code,
            });
            if (outcome.kind === "signed_in") {
              const signedIn = {
                name,
                oneTime: outcome.oneTime,
                issuedAt: user?.code?.issuedAt,
                expiresAt: outcome.expiresAt,
                at: now(),
              };
              dispatch({ type: "signed-in", signedIn, text: f(m.signedInAs, { name }) });
            } else {
              dispatch({ type: "result", result: { ok: false, text: refusalMessage(text, outcome) } });
            }
            await refresh();
          });
        }}
      >
        <p class="demo__tab">{f(m.signInTo, { product: productName })}</p>
        <div class="field">
          <label for="demo-username">{m.userName}</label>
          <input
            id="demo-username"
            name="username"
            dir="auto"
            value={state.username}
            autocomplete="off"
            onInput={(e) => dispatch({ type: "typed-username", value: e.currentTarget.value })}
          />
        </div>
        {state.showCodeField ? (
          <div class="field">
            <label for="demo-code">{m.code}</label>
            <p id="demo-code-hint" class="demo__field-hint">
              {m.codeHint}
            </p>
            <input
              id="demo-code"
              class="demo__code-field"
              ref={codeRef}
              name="code"
              dir="ltr"
              inputMode="numeric"
              autocomplete="one-time-code"
              spellcheck={false}
              aria-invalid={state.codeError ? true : undefined}
              aria-describedby={describedBy}
              value={state.typed}
              onInput={(e) => dispatch({ type: "typed-code", value: e.currentTarget.value })}
            />
            {state.codeError && (
              <p id="demo-code-error" class="field-error">
                {state.codeError}
              </p>
            )}
          </div>
        ) : (
          <p>
            <button type="button" class="demo__link" onClick={() => dispatch({ type: "show-code-field" })}>
              {m.enterCode}
            </button>
          </p>
        )}
        {state.showCodeField && (
          <button type="submit" class="button">
            {m.signIn}
          </button>
        )}
        {state.result && (
          <p class={state.result.ok ? "demo__result demo__result--ok" : "demo__result demo__result--refused"}>
            {state.result.text}
          </p>
        )}
      </form>
      <p>
        <button
          type="button"
          class="button button--quiet"
          onClick={() => dispatch({ type: "go", step: "admin", message: m.backAtAdmin })}
        >
          {m.backToAdmin}
        </button>
      </p>
    </>
  );
}
