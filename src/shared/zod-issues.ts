import type { z } from "zod";

export interface IssueMessage {
  /** Dotted path of the field, e.g. `related.1`; empty for the whole value. */
  field: string;
  message: string;
}

/** The one place zod issues become messages a person can act on. */
export function describeIssues(issues: readonly z.core.$ZodIssue[]): IssueMessage[] {
  return issues.map((issue) => ({ field: issue.path.map(String).join("."), message: issue.message }));
}

/** Parses `input` or throws one error that lists every problem, prefixed with `label`. */
export function parseOrExplain<S extends z.ZodType>(schema: S, input: unknown, label: string): z.infer<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const lines = describeIssues(result.error.issues).map((i) => `${i.field || "(value)"}: ${i.message}`);
  throw new Error(`${label}: ${lines.join("; ")}`);
}
