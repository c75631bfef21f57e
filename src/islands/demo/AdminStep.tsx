import { type DemoActions, sectionName } from "./demo-state.ts";

/** Step 1: the Admin tab, with a Users link under each of the firm's two sections. */
export function AdminStep({ actions: { dispatch, text } }: { actions: DemoActions }) {
  return (
    <section class="demo__screen" aria-label={text.m.adminTab}>
      <p class="demo__tab">{text.m.admin}</p>
      {(["client", "staff"] as const).map((kind) => (
        <section key={kind} aria-labelledby={`demo-section-${kind}`}>
          <h4 id={`demo-section-${kind}`}>{sectionName[kind]}</h4>
          <button
            type="button"
            class="demo__link"
            aria-describedby={`demo-section-${kind}`}
            onClick={() => dispatch({ type: "chose-kind", kind })}
          >
            {text.m.users}
          </button>
        </section>
      ))}
    </section>
  );
}
