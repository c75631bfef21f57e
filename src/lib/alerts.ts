/** Alerts and notices are read newest first; on the same day, the title decides. */
export function newestFirst<T extends { data: { date: Date; title: string } }>(alerts: readonly T[]): T[] {
  return [...alerts].sort(
    (a, b) => b.data.date.getTime() - a.data.date.getTime() || a.data.title.localeCompare(b.data.title),
  );
}
