/**
 * The structured output asked of the model when it designs a schema: a list of fields (key, label,
 * description, type, enum values, and for arrays/objects their item fields one level down) — a strict
 * JSON schema without recursion, so any OpenAI-compatible server with json_schema output can follow it.
 * `toExtendSchema` turns the model's answer into an Extend JSON schema; validation happens after.
 */
import {
  currencyJsonSchema,
  type ExtendJsonSchema,
  type ExtendRootJsonSchema,
} from "../../../../domain/extraction-schema/index.ts";

const SCALAR_TYPES = ["string", "number", "integer", "boolean", "date", "currency", "enum"] as const;
const FIELD_TYPES = [...SCALAR_TYPES, "array", "object"] as const;

export interface ProposedField {
  readonly key: string;
  readonly label: string;
  readonly description: string;
  readonly type: (typeof FIELD_TYPES)[number];
  readonly enum_values: readonly string[];
  readonly item_fields?: readonly ProposedField[];
}

export interface SchemaProposal {
  readonly fields: readonly ProposedField[];
}

function fieldSchema(
  types: readonly string[],
  nested: Record<string, unknown> | undefined,
): Record<string, unknown> {
  const properties: Record<string, unknown> = {
    key: { type: "string", description: "Output key: snake_case letters, digits and underscores." },
    label: { type: "string", description: "The label as printed in the document." },
    description: { type: "string", description: "What the value is, for the extraction model." },
    type: { type: "string", enum: [...types] },
    enum_values: {
      type: "array",
      items: { type: "string" },
      description: "For type enum: the allowed values; otherwise empty.",
    },
  };
  if (nested !== undefined) {
    properties.item_fields = {
      type: "array",
      items: nested,
      description: "For type array (one item per row) or object: its fields; otherwise empty.",
    };
  }
  return { type: "object", properties, required: Object.keys(properties), additionalProperties: false };
}

export const PROPOSAL_SCHEMA: Record<string, unknown> = {
  type: "object",
  properties: {
    fields: { type: "array", items: fieldSchema(FIELD_TYPES, fieldSchema(SCALAR_TYPES, undefined)) },
  },
  required: ["fields"],
  additionalProperties: false,
};

/** The model's proposal as an Extend JSON schema (keys as the model wrote them: validation judges them). */
export function toExtendSchema(proposal: SchemaProposal): ExtendRootJsonSchema {
  const fields = Array.isArray(proposal.fields) ? proposal.fields : [];
  return {
    type: "object",
    properties: Object.fromEntries(fields.map((field) => [field.key, renderField(field)])),
    required: fields.map((field) => field.key),
    additionalProperties: false,
  };
}

/** The first key proposed twice among siblings (JSON objects would silently keep only one), if any. */
export function repeatedKey(fields: readonly ProposedField[]): string | undefined {
  const seen = new Set<string>();
  for (const field of fields) {
    if (seen.has(field.key)) return field.key;
    seen.add(field.key);
    const nested = repeatedKey(field.item_fields ?? []);
    if (nested !== undefined) return `${field.key}.${nested}`;
  }
  return undefined;
}

function renderField(field: ProposedField): ExtendJsonSchema {
  const annotations: ExtendJsonSchema = {};
  if (typeof field.description === "string" && field.description !== "")
    annotations.description = field.description;
  if (typeof field.label === "string" && field.label !== "") annotations["extend:name"] = field.label;
  const children = field.item_fields ?? [];
  switch (field.type) {
    case "string":
    case "number":
    case "integer":
    case "boolean":
      return { type: [field.type, "null"], ...annotations };
    case "date":
      return { type: ["string", "null"], "extend:type": "date", ...annotations };
    case "enum":
      return { enum: [...field.enum_values, null], ...annotations };
    case "currency":
      return currencyJsonSchema(annotations);
    case "object":
      return { type: "object", ...annotations, ...objectOf(children) };
    case "array":
      return { type: "array", ...annotations, items: { type: "object", ...objectOf(children) } };
    default:
      // An unknown type goes through as written, so validation names it.
      return { type: field.type as never, ...annotations };
  }
}

function objectOf(fields: readonly ProposedField[]): ExtendJsonSchema {
  return {
    properties: Object.fromEntries(fields.map((field) => [field.key, renderField(field)])),
    required: fields.map((field) => field.key),
    additionalProperties: false,
  };
}
