/** Astro writes this rule before a page's first island, inside <body>, where HTML does not allow it. */
const islandStyle = /<style>astro-island,[^<]*<\/style>/;

/**
 * Moves the island display rule into <head>, so every built page is valid HTML (done as each page
 * is rendered, before its CSP hashes are taken; the moved style keeps its hash, its text unchanged).
 */
export function moveIslandStyleToHead(html: string): string {
  const found = islandStyle.exec(html);
  if (!found || found.index < html.indexOf("</head>")) return html;
  const withoutStyle = html.slice(0, found.index) + html.slice(found.index + found[0].length);
  const headEnd = withoutStyle.indexOf("</head>");
  return withoutStyle.slice(0, headEnd) + found[0] + withoutStyle.slice(headEnd);
}
