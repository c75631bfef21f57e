/**
 * Puts text on the clipboard. False when the browser will not: no Clipboard API (an older
 * browser, a page not served over HTTPS) or no permission.
 */
export async function copyToClipboard(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}

/** Selects an element's text, so the reader can copy it with the keyboard instead. */
export function selectTextOf(element: Element): void {
  window.getSelection()?.selectAllChildren(element);
}
