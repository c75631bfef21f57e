import { zValidator } from "@hono/zod-validator";
import type { ValidationTargets } from "hono";
import type { z } from "zod";
import { describeIssues } from "../../../src/shared/zod-issues.ts";
import { ApiError, Status } from "../errors.ts";
import { refuseControlCharacters } from "./body.ts";

export function invalidInput(issues: readonly z.core.$ZodIssue[]): ApiError {
  return new ApiError(Status.badRequest, "invalid_input", "Some fields need attention.", {
    fields: describeIssues(issues).map((i) => ({ field: i.field || "body", message: i.message })),
  });
}

/**
 * zValidator with the API's one error shape: every problem, by field, in words a person can act
 * on; text with control characters in it is refused like any other bad field.
 */
export function valid<T extends keyof ValidationTargets, S extends z.ZodType>(target: T, schema: S) {
  return zValidator(target, schema, (result) => {
    if (!result.success) throw invalidInput(result.error.issues);
    refuseControlCharacters(result.data);
  });
}
