import { formatLocalAndUtc } from "../../shared/dates.ts";
import type { DemoUser } from "../../shared/demo-contract.ts";
import { CodeToCopy } from "./CodeToCopy.tsx";
import { demoApi } from "./demo-client.ts";
import type { DemoActions, DemoState } from "./demo-state.ts";
import { codeStateText, formatCountdown, shownOnce } from "./demo-text.ts";

interface Props {
  user: DemoUser;
  oneTime: boolean;
  /** The code just issued, while it is live. */
  live: DemoState["issued"];
  /** The sandbox's clock now, for the countdown. */
  now: number;
  actions: DemoActions;
}

const closed = { type: "go", step: "user", message: "the settings dialog is closed." } as const;

/** Step 4: the settings dialog where the code is generated, shown once, and canceled. */
export function CodeDialog({ user, oneTime, live, now, actions }: Props) {
  const { dispatch, update } = actions;
  const codeState = user.code?.state;
  return (
    <div
      class="demo__dialog"
      role="dialog"
      aria-modal="false"
      aria-labelledby="demo-dialog-title"
      onKeyDown={(e) => {
        if (e.key === "Escape") dispatch(closed);
      }}
    >
      <h4 id="demo-dialog-title">Multi-factor Authentication settings for {user.name}</h4>
      <label class="choice">
        <input
          type="checkbox"
          checked={oneTime}
          onChange={(e) => dispatch({ type: "one-time", on: e.currentTarget.checked })}
        />
        One-time code (stops working after the first sign-in)
      </label>
      <p>
        <button
          type="button"
          class="demo__link"
          onClick={() =>
            update(
              async () => {
                const code = await demoApi.issue(user.id, { oneTime });
                dispatch({ type: "issued", userId: user.id, code });
                return code;
              },
              (code) => `A temporary code was generated. It expires at ${formatLocalAndUtc(code.expiresAt)}.`,
            )
          }
        >
          Generate a temporary, 24-hour numerical code
        </button>
      </p>
      {live && (
        <div class="demo__code">
          <p class="demo__code-label">Temporary code for {user.name}:</p>
          <CodeToCopy code={live.code} />
          <p>
            Expires at {formatLocalAndUtc(live.expiresAt)}: {formatCountdown(live.expiresAt - now)}.
          </p>
          <p class="demo__hint">{shownOnce}</p>
          <button
            type="button"
            class="button button--quiet"
            onClick={() =>
              update(
                () => demoApi.revoke(user.id),
                () => "The code is canceled: it no longer works.",
              )
            }
          >
            Cancel this code
          </button>
        </div>
      )}
      {codeState && codeState !== "active" && <p>{codeStateText[codeState]}</p>}
      {!live && (
        <p id="demo-provide-hint" class="demo__hint">
          Generate a code first, then provide it to the user.
        </p>
      )}
      <p class="demo__actions">
        <button
          type="button"
          class="button"
          disabled={!live}
          aria-describedby={live ? undefined : "demo-provide-hint"}
          onClick={() => dispatch({ type: "to-login", name: user.name })}
        >
          Provide the code to the user
        </button>
        <button type="button" class="button button--quiet" onClick={() => dispatch(closed)}>
          Close
        </button>
      </p>
    </div>
  );
}
