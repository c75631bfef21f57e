import type { DemoUser } from "../../shared/demo-contract.ts";
import { CodeToCopy } from "./CodeToCopy.tsx";
import { demoApi } from "./demo-client.ts";
import type { DemoActions, DemoState } from "./demo-state.ts";
import { codeStateText, formatCountdown } from "./demo-text.ts";

interface Props {
  user: DemoUser;
  oneTime: boolean;
  /** The code just issued, while it is live. */
  live: DemoState["issued"];
  /** The sandbox's clock now, for the countdown. */
  now: number;
  actions: DemoActions;
}

/** Step 4: the settings dialog where the code is generated, shown once, and canceled. */
export function CodeDialog({ user, oneTime, live, now, actions }: Props) {
  const { dispatch, update, text } = actions;
  const { m, f, time } = text;
  const closed = { type: "go", step: "user", message: m.settingsClosed } as const;
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
      <h4 id="demo-dialog-title">{f(m.dialogTitle, { name: user.name })}</h4>
      <label class="choice">
        <input
          type="checkbox"
          checked={oneTime}
          onChange={(e) => dispatch({ type: "one-time", on: e.currentTarget.checked })}
        />
        {m.oneTimeOption}
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
              (code) => f(m.generated, { time: time(code.expiresAt) }),
            )
          }
        >
          {m.generate}
        </button>
      </p>
      {live && (
        <div class="demo__code">
          <p class="demo__code-label">{f(m.codeFor, { name: user.name })}</p>
          <CodeToCopy code={live.code} text={text} />
          <p>
            {f(m.expiresIn, { time: time(live.expiresAt), countdown: formatCountdown(text, live.expiresAt - now) })}
          </p>
          <p class="demo__hint">{m.shownOnce}</p>
          <button
            type="button"
            class="button button--quiet"
            onClick={() =>
              update(
                () => demoApi.revoke(user.id),
                () => m.canceled,
              )
            }
          >
            {m.cancelCode}
          </button>
        </div>
      )}
      {codeState && codeState !== "active" && <p>{codeStateText(text, codeState)}</p>}
      {!live && (
        <p id="demo-provide-hint" class="demo__hint">
          {m.generateFirst}
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
          {m.provide}
        </button>
        <button type="button" class="button button--quiet" onClick={() => dispatch(closed)}>
          {m.close}
        </button>
      </p>
    </div>
  );
}
