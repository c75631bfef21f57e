import type { DemoUser } from "../../shared/demo-contract.ts";
import type { DemoActions, UserKind } from "./demo-state.ts";

/** Step 2: the section's users, one button each. */
export function UsersStep(props: { users: DemoUser[]; kind: UserKind; actions: DemoActions }) {
  return (
    <ul class="demo__users">
      {props.users
        .filter((u) => u.kind === props.kind)
        .map((user) => (
          <li key={user.id}>
            {/* `auto`: a Latin name and user name read left to right on an Arabic page too, brackets included. */}
            <button
              type="button"
              class="demo__link"
              dir="auto"
              onClick={() => props.actions.dispatch({ type: "chose-user", user })}
            >
              {user.name} ({user.username})
            </button>
          </li>
        ))}
    </ul>
  );
}
