import type { DemoUser } from "../../shared/demo-contract.ts";
import { demoApi } from "./demo-client.ts";
import type { DemoActions } from "./demo-state.ts";

/** Step 3: the user's identification, the multi-factor settings and the paired device. */
export function UserStep({ user, actions }: { user: DemoUser; actions: DemoActions }) {
  const { dispatch, update, text } = actions;
  const { m, f } = text;
  return (
    <section class="demo__screen" aria-labelledby="demo-identification">
      <h4 id="demo-identification">{m.identification}</h4>
      <dl>
        <dt>{m.name}</dt>
        <dd dir="auto">{user.name}</dd>
        <dt>{m.userName}</dt>
        <dd dir="auto">{user.username}</dd>
        <dt>{m.mfa}</dt>
        <dd>
          {m.on}{" "}
          <button
            type="button"
            class="button button--quiet"
            onClick={() => dispatch({ type: "go", step: "dialog", message: m.settingsOpen })}
          >
            {m.viewSettings}
          </button>
        </dd>
        <dt>{m.pairedDevice}</dt>
        <dd>
          {user.devicePaired ? m.connected : m.disconnected}{" "}
          <button
            type="button"
            class="button button--quiet"
            onClick={() =>
              update(
                () => demoApi.setDevice(user.id, !user.devicePaired),
                ({ paired }) => (paired ? m.pairedAgain : m.devicesDisconnected),
              )
            }
          >
            {user.devicePaired ? m.disconnect : m.pairAgain}
          </button>
        </dd>
      </dl>
      {!user.devicePaired && (
        <p class="note">
          {m.disconnectNote} {f(user.code?.state === "active" ? m.canStillSignIn : m.needsCode, { name: user.name })}
        </p>
      )}
    </section>
  );
}
