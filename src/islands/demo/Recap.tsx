import type { DemoActions, SignedIn } from "./demo-state.ts";
import { recap } from "./demo-text.ts";

/** After the sign-in: what happened, what the user does next, and a way to go again. */
export function Recap({ signedIn, actions }: { signedIn: SignedIn; actions: DemoActions }) {
  const { text } = actions;
  const { m, f } = text;
  const { happened, next } = recap(text, signedIn);
  return (
    <div class="demo__recap">
      <p class="demo__result demo__result--ok">{f(m.signedInAs, { name: signedIn.name })}</p>
      <ul>
        {happened.map((line) => (
          <li key={line}>{line}</li>
        ))}
      </ul>
      <p>
        <strong>{m.next}</strong> {next}
      </p>
      <p class="demo__actions">
        <button type="button" class="button" onClick={actions.restart}>
          {m.startAgain}
        </button>
        <button
          type="button"
          class="button button--quiet"
          onClick={() => actions.dispatch({ type: "to-login", name: signedIn.name })}
        >
          {m.backToLogin}
        </button>
      </p>
    </div>
  );
}
