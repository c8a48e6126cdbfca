/**
 * Renders a validated extraction schema as an OpenAI strict-mode JSON schema: every property required,
 * `additionalProperties: false`, nullable scalars kept as `[type, "null"]`, and Extend-only keywords
 * (`extend:name`, `extend:type`, `extend:descriptions`) folded into `description` text the model reads.
 */
import type { ArrayItemNode, SchemaNode, ValidatedSchema } from "../../../domain/extraction-schema/index.ts";
import { assertNever } from "../../../shared/assert-never.ts";

export type StrictJsonSchema = Record<string, unknown>;

export function toStrictJsonSchema(schema: ValidatedSchema): StrictJsonSchema {
  return objectSchema(schema);
}

function objectSchema(node: {
  fields: ValidatedSchema["fields"];
  description: string | null;
}): StrictJsonSchema {
  const rendered: StrictJsonSchema = {
    type: "object",
    properties: Object.fromEntries(node.fields.map((field) => [field.key, nodeSchema(field)])),
    required: node.fields.map((field) => field.key),
    additionalProperties: false,
  };
  return rendered;
}

function nodeSchema(node: SchemaNode | ArrayItemNode): StrictJsonSchema {
  const rendered = shapeOf(node);
  const description = describe(node);
  if (description !== "") rendered.description = description;
  return rendered;
}

function shapeOf(node: SchemaNode): StrictJsonSchema {
  switch (node.kind) {
    case "string":
    case "number":
    case "integer":
    case "boolean":
      return { type: node.nullable ? [node.kind, "null"] : node.kind };
    case "date":
      return { type: node.nullable ? ["string", "null"] : "string" };
    case "enum":
      return { type: ["string", "null"], enum: [...node.values, null] };
    case "object":
    case "currency":
    case "signature":
      return objectSchema(node);
    case "array":
      return { type: "array", items: nodeSchema(node.items) };
    default:
      return assertNever(node);
  }
}

/** The model-facing description: extend:name, the description, type hints, enum value meanings. */
function describe(node: SchemaNode | ArrayItemNode): string {
  const parts: string[] = [];
  if (node.extendName !== null) parts.push(`Field name: ${node.extendName}.`);
  if (node.description !== null) parts.push(node.description);
  if (node.kind === "date") parts.push("An ISO 8601 date (yyyy-mm-dd).");
  if (node.kind === "currency") parts.push("A money amount and its ISO 4217 currency code.");
  if (node.kind === "enum") {
    const meanings = node.values
      .map((value, index) => [value, node.valueDescriptions[index] ?? null] as const)
      .filter(([, meaning]) => meaning !== null && meaning !== "")
      .map(([value, meaning]) => `"${value}": ${meaning}`);
    if (meanings.length > 0) parts.push(`Values: ${meanings.join("; ")}.`);
  }
  return parts.join(" ");
}
