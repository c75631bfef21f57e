/**
 * Marking a comment keeps the reviewer where they are: the status form posts in the background
 * and the comment shows its new status in place (without JavaScript the form posts and the page
 * comes back at the same comment).
 */
export function markInPlace(root: Document): void {
  const status = root.createElement("p");
  status.className = "visually-hidden";
  status.setAttribute("role", "status");
  root.body.append(status);

  root.addEventListener("submit", async (event) => {
    const form = event.target;
    const button = event.submitter;
    if (!(form instanceof HTMLFormElement) || !form.classList.contains("comment__status")) return;
    if (!(button instanceof HTMLButtonElement)) return;
    event.preventDefault();
    const chosen = button.value;
    try {
      const response = await fetch(form.action, {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ status: chosen }),
      });
      if (!response.ok) throw new Error(String(response.status));
    } catch {
      // Could not post in the background: post the form itself, the way it works without JavaScript.
      const field = Object.assign(root.createElement("input"), { type: "hidden", name: "status", value: chosen });
      form.append(field);
      form.submit();
      return;
    }
    const line = form.querySelector("[data-status]");
    if (line) line.textContent = `Status: ${chosen} (by you, just now)`;
    for (const other of form.querySelectorAll<HTMLButtonElement>("button[name=status]")) {
      other.hidden = other.value === chosen;
    }
    form.querySelector<HTMLButtonElement>("button[name=status]:not([hidden])")?.focus();
    status.textContent = `Comment marked ${chosen}.`;
  });
}

/** "Tick all on this page" for the bulk actions; without JavaScript each box is ticked by hand. */
export function tickAll(root: Document): void {
  const button = root.querySelector<HTMLButtonElement>("[data-select-all]");
  if (!button) return;
  button.hidden = false;
  button.addEventListener("click", () => {
    const boxes = [...root.querySelectorAll<HTMLInputElement>('input[form="bulk-triage"]')];
    const tick = boxes.some((box) => !box.checked);
    for (const box of boxes) box.checked = tick;
    button.textContent = tick ? "Untick all on this page" : "Tick all on this page";
  });
}
