/** Astro writes this rule before a page's first island, inside <body>, where HTML does not allow it. */
const islandStyle = Buffer.from("<style>astro-island,");
const styleEnd = Buffer.from("</style>");
const headEnd = Buffer.from("</head>");

/**
 * Moves the island display rule into <head>, so every built page is valid HTML. Done on the
 * page's bytes as Astro rendered them (no decoding and encoding two thousand pages a build),
 * before its CSP hashes are taken; the moved style keeps its hash, its text unchanged.
 */
export function moveIslandStyleToHead(html: Buffer): Buffer {
  const start = html.indexOf(islandStyle);
  const head = html.indexOf(headEnd);
  if (start < 0 || head < 0 || start < head) return html;
  const end = html.indexOf(styleEnd, start) + styleEnd.length;
  if (end < styleEnd.length) return html;
  return Buffer.concat([
    html.subarray(0, head),
    html.subarray(start, end),
    html.subarray(head, start),
    html.subarray(end),
  ]);
}
