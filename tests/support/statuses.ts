/** How many answers had each status, e.g. `{ 201: 5, 429: 15 }`: what a limit test asserts. */
export function statuses(responses: readonly Response[]): Record<number, number> {
  return responses.reduce<Record<number, number>>((counts, r) => {
    counts[r.status] = (counts[r.status] ?? 0) + 1;
    return counts;
  }, {});
}
