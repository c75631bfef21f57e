/**
 * `Sec-GPC: 1` (Global Privacy Control) or `DNT: 1`: the reader asked not to be tracked, and
 * nothing that records readers (searches, views) counts them.
 */
export function declinesTracking(headers: { get(name: string): string | null | undefined }): boolean {
  return headers.get("sec-gpc")?.trim() === "1" || headers.get("dnt")?.trim() === "1";
}
