/** The dashboard's two views: what readers said, what readers searched for. */
export function ViewSwitch({ current }: { current: "feedback" | "searches" }) {
  return (
    <nav aria-label="Dashboard views" class="dashboard-tabs">
      <ul>
        <li>
          <a href="/dashboard/" aria-current={current === "feedback" ? "page" : undefined}>
            Feedback
          </a>
        </li>
        <li>
          <a href="/dashboard/searches/" aria-current={current === "searches" ? "page" : undefined}>
            Searches
          </a>
        </li>
      </ul>
    </nav>
  );
}
