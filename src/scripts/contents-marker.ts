/** Where the contents list stands beside the topic (src/styles/global.css); narrower, it is a plain list. */
const besideTopic = "(min-width: 78rem)";

/** Marks the section being read in the contents list while the reader scrolls, on wide screens. */
export function markCurrentSection(root: Document): void {
  const links = [...root.querySelectorAll<HTMLAnchorElement>(".on-this-page a")];
  const headings = links.flatMap((link) => root.getElementById(link.hash.slice(1)) ?? []);
  if (headings.length === 0) return;
  const wide = matchMedia(besideTopic);
  let queued = false;
  const mark = () => {
    queued = false;
    // The section being read is the last whose heading has passed the top third of the window.
    const line = innerHeight / 3;
    let current = wide.matches ? headings[0] : undefined;
    for (const heading of headings) if (wide.matches && heading.getBoundingClientRect().top < line) current = heading;
    for (const link of links) {
      if (current && link.hash === `#${current.id}`) link.setAttribute("aria-current", "true");
      else link.removeAttribute("aria-current");
    }
  };
  const queue = () => {
    if (!queued) requestAnimationFrame(mark);
    queued = true;
  };
  addEventListener("scroll", queue, { passive: true });
  wide.addEventListener("change", queue);
  mark();
}
