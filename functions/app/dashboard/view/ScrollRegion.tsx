import type { ComponentChildren } from "preact";

/** A wide table scrolls inside its own labelled region, never the page. */
export function ScrollRegion(props: { labelledBy: string; children: ComponentChildren }) {
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must take focus so a keyboard can scroll it (WCAG 2.1.1).
    <section class="table-scroll" aria-labelledby={props.labelledBy} tabIndex={0}>
      {props.children}
    </section>
  );
}
