/** A Hrana batch: steps run in order, each only when its condition on earlier steps holds. */
import { type BatchStep, type Condition, errorBody, type HranaStmtResult } from "./hrana-protocol.ts";
import { runStatement, type StatementContext } from "./run-statement.ts";

type Outcome = "ok" | "error" | "skipped";

function holds(condition: Condition | undefined, outcomes: Outcome[], context: StatementContext): boolean {
  if (!condition) return true;
  switch (condition.type) {
    case "ok":
      return outcomes[condition.step] === "ok";
    case "error":
      return outcomes[condition.step] === "error";
    case "not":
      return !holds(condition.cond, outcomes, context);
    case "and":
      return condition.conds.every((c) => holds(c, outcomes, context));
    case "or":
      return condition.conds.some((c) => holds(c, outcomes, context));
    case "is_autocommit":
      return !context.db.inTransaction;
  }
}

export function runBatch(context: StatementContext, steps: BatchStep[]) {
  const outcomes: Outcome[] = [];
  const results: (HranaStmtResult | null)[] = [];
  const errors: ({ message: string; code: string } | null)[] = [];
  for (const step of steps) {
    if (!holds(step.condition, outcomes, context)) {
      outcomes.push("skipped");
      results.push(null);
      errors.push(null);
      continue;
    }
    try {
      results.push(runStatement(context, step.stmt));
      errors.push(null);
      outcomes.push("ok");
    } catch (error) {
      results.push(null);
      errors.push(errorBody(error));
      outcomes.push("error");
    }
  }
  return { step_results: results, step_errors: errors };
}
