import type { DemoUser } from "../../shared/demo-contract.ts";
import { demoApi } from "./demo-client.ts";
import type { DemoActions } from "./demo-state.ts";

/** Step 3: the user's identification, the multi-factor settings and the paired device. */
export function UserStep({ user, actions }: { user: DemoUser; actions: DemoActions }) {
  const { dispatch, update } = actions;
  return (
    <section class="demo__screen" aria-labelledby="demo-identification">
      <h4 id="demo-identification">Identification</h4>
      <dl>
        <dt>Name</dt>
        <dd>{user.name}</dd>
        <dt>User name</dt>
        <dd>{user.username}</dd>
        <dt>Multi-factor Authentication</dt>
        <dd>
          On{" "}
          <button
            type="button"
            class="button button--quiet"
            onClick={() => dispatch({ type: "go", step: "dialog", message: "the multi-factor settings are open." })}
          >
            View Settings
          </button>
        </dd>
        <dt>Paired mobile device</dt>
        <dd>
          {user.devicePaired ? "Connected " : "Disconnected "}
          <button
            type="button"
            class="button button--quiet"
            onClick={() =>
              update(
                () => demoApi.setDevice(user.id, !user.devicePaired),
                ({ paired }) => (paired ? "The device is paired again." : "The paired device is disconnected."),
              )
            }
          >
            {user.devicePaired ? "Disconnect device" : "Pair device again"}
          </button>
        </dd>
      </dl>
      {!user.devicePaired && (
        <p class="note">
          Disconnecting the paired device does not turn off multi-factor authentication.
          {user.code?.state === "active"
            ? ` ${user.name} can still sign in with the active temporary code.`
            : ` ${user.name} needs a temporary code to sign in.`}
        </p>
      )}
    </section>
  );
}
