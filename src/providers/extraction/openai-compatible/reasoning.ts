/**
 * Model reasoning insights (`advancedOptions.modelReasoningInsightsEnabled`, behaviour.md §3.3): the
 * response format wraps the schema's values with a `field_reasoning` list in which the model says, per
 * top-level field, where it found the value and how it read it (or why it is null). That text is passed
 * through unchanged as `metadata[field].insights: [{type: "reasoning", content}]`, taken from the
 * window the field's value came from. Nothing is written when the model gave no reasoning.
 */
import type { Extend } from "extend-ai";
import type { ValidatedSchema } from "../../../domain/extraction-schema/index.ts";
import type { StrictJsonSchema } from "./strict-schema.ts";

export const REASONING_INSTRUCTION =
  "Put the extracted values in `values`. In `field_reasoning`, give one entry per top-level field of `values`: `field` is its key, `reasoning` says briefly where in the document the value was found and how it was read, or why it is null.";

export function withReasoning(schema: StrictJsonSchema): StrictJsonSchema {
  return {
    type: "object",
    properties: {
      values: schema,
      field_reasoning: {
        type: "array",
        items: {
          type: "object",
          properties: { field: { type: "string" }, reasoning: { type: "string" } },
          required: ["field", "reasoning"],
          additionalProperties: false,
        },
      },
    },
    required: ["values", "field_reasoning"],
    additionalProperties: false,
  };
}

/** A window's answer → its values and its reasoning per field key. */
export function splitReasoning(answer: unknown): { values: unknown; reasoning: Map<string, string> } {
  const reasoning = new Map<string, string>();
  if (typeof answer !== "object" || answer === null) return { values: answer, reasoning };
  const { values, field_reasoning: entries } = answer as { values?: unknown; field_reasoning?: unknown };
  if (Array.isArray(entries)) {
    for (const entry of entries) {
      const { field, reasoning: text } = (entry ?? {}) as { field?: unknown; reasoning?: unknown };
      if (
        typeof field === "string" &&
        typeof text === "string" &&
        text.trim() !== "" &&
        !reasoning.has(field)
      )
        reasoning.set(field, text.trim());
    }
  }
  return { values, reasoning };
}

export function attachInsights(
  metadata: Record<string, Extend.ExtractOutputMetadataValue | undefined>,
  schema: ValidatedSchema,
  reasoningPerWindow: readonly ReadonlyMap<string, string>[],
  origins: ReadonlyMap<string, number>,
): void {
  for (const field of schema.fields) {
    const entry = metadata[field.key];
    if (entry === undefined) continue;
    const origin = origins.get(field.key) ?? origins.get(`${field.key}[0]`);
    const content =
      (origin === undefined ? undefined : reasoningPerWindow[origin]?.get(field.key)) ??
      reasoningPerWindow.map((window) => window.get(field.key)).find((text) => text !== undefined);
    if (content !== undefined) entry.insights = [{ type: "reasoning", content }];
  }
}
