import type { Brand } from "./brand.ts";

/**
 * The brand file's tasks, each checked against the topics this site publishes: a task that names a
 * missing, draft or (on the public site) internal-only topic fails the build naming it.
 */
export function homeTasks(tasks: Brand["tasks"], published: readonly { id: string }[]): Brand["tasks"] {
  const ids = new Set(published.map((topic) => topic.id));
  const missing = tasks.filter((task) => !ids.has(task.topic));
  if (missing.length > 0) {
    const names = missing.map((task) => `"${task.label}" → ${task.topic}`).join(", ");
    throw new Error(`brand.json: tasks: no published topic for ${names}`);
  }
  return tasks;
}
