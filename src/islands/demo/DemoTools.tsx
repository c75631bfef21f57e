import { demoApi } from "./demo-client.ts";
import type { DemoActions } from "./demo-state.ts";

/**
 * The demo's own controls, after the task and quieter than it: the sandbox's clock, a jump of
 * 24 hours to see a code expire, and a reset.
 */
export function DemoTools({ now, actions }: { now: number; actions: DemoActions }) {
  const { act, dispatch, restart, text } = actions;
  const { m } = text;
  return (
    <fieldset class="demo__tools">
      <legend class="demo__tools-label">{m.tools}</legend>
      <p>
        {m.clock} <time dateTime={new Date(now).toISOString()}>{text.time(now)}</time>
      </p>
      <p class="demo__tool-row">
        <button
          type="button"
          class="demo__tool"
          onClick={() =>
            act(async () => {
              dispatch({ type: "sandbox", sandbox: await demoApi.advance(24), browserNow: Date.now() });
              dispatch({ type: "announce", text: m.advanced });
            })
          }
        >
          {m.advance}
        </button>
        <button type="button" class="demo__tool" onClick={restart}>
          {m.reset}
        </button>
      </p>
    </fieldset>
  );
}
