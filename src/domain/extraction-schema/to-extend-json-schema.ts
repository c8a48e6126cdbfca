/**
 * Renders a validated schema back to canonical Extend JSON Schema: the form the SDK's zod helper emits
 * (explicit `required` in output order, `additionalProperties: false`, currency `amount`). Used where a
 * normalized schema is stored or shown (e.g. an inferred schema), and to prove validation round-trips.
 */
import { assertNever } from "../../shared/assert-never.ts";
import type {
  ArrayItemNode,
  ExtendJsonSchema,
  ExtendRootJsonSchema,
  SchemaField,
  SchemaNode,
  ValidatedSchema,
} from "./schema-node.ts";

export function toExtendJsonSchema(schema: ValidatedSchema): ExtendRootJsonSchema {
  const root: ExtendRootJsonSchema = {
    type: "object",
    properties: renderProperties(schema.fields),
    required: schema.fields.map((field) => field.key),
    additionalProperties: false,
  };
  if (schema.description !== null) root.description = schema.description;
  return root;
}

function renderProperties(fields: readonly SchemaField[]): Record<string, ExtendJsonSchema> {
  return Object.fromEntries(fields.map((field) => [field.key, renderNode(field)]));
}

function renderNode(node: SchemaNode | ArrayItemNode): ExtendJsonSchema {
  const rendered = renderShape(node);
  if (node.description !== null) rendered.description = node.description;
  if (node.extendName !== null) rendered["extend:name"] = node.extendName;
  return rendered;
}

function renderShape(node: SchemaNode): ExtendJsonSchema {
  switch (node.kind) {
    case "string":
    case "number":
    case "integer":
    case "boolean":
      return { type: node.nullable ? [node.kind, "null"] : node.kind };
    case "date":
      return { type: node.nullable ? ["string", "null"] : "string", "extend:type": "date" };
    case "enum": {
      const rendered: ExtendJsonSchema = { enum: [...node.values, null] };
      if (node.valueDescriptions.some((text) => text !== null)) {
        rendered["extend:descriptions"] = node.valueDescriptions.map((text) => text ?? "");
      }
      return rendered;
    }
    case "object":
    case "currency":
    case "signature": {
      const rendered: ExtendJsonSchema = { type: "object" };
      if (node.kind !== "object") rendered["extend:type"] = node.kind;
      rendered.properties = renderProperties(node.fields);
      rendered.required = node.fields.map((field) => field.key);
      rendered.additionalProperties = false;
      return rendered;
    }
    case "array":
      return { type: "array", items: renderNode(node.items) };
    default:
      return assertNever(node);
  }
}
