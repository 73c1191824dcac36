import type { z } from "zod";
import { validationError } from "../shared/errors.ts";

/** Parses use-case input; the first problem becomes a friendly VALIDATION error for the person who acted. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  throw validationError(result.error.issues[0]?.message ?? "That input doesn't look right.");
}
