/**
 * Request validation at the edge: zod schemas written from the spec, failures turned into Extend's
 * INVALID_REQUEST with the offending path ("…; Path: config.chunkingStrategy.type").
 */
import type { z } from "zod";
import { AppError } from "../shared/app-error.ts";

export function parseInput<Schema extends z.ZodType>(
  schema: Schema,
  value: unknown,
  where: "body" | "query" | "params" = "body",
): z.output<Schema> {
  const result = schema.safeParse(value ?? (where === "body" ? undefined : {}));
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  if (issue === undefined) throw new AppError("INVALID_REQUEST", `Invalid request ${where}`);
  const path = issue.path.map((part) => (typeof part === "number" ? `[${part}]` : String(part))).join(".");
  const message =
    where === "body" && issue.path.length === 0 && value === undefined
      ? "Request body is required"
      : issue.message;
  throw new AppError(
    "INVALID_REQUEST",
    path === "" ? message : `${message}; Path: ${path.replace(/\.\[/g, "[")}`,
  );
}
