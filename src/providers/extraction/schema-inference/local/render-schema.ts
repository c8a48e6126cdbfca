/**
 * Inferred properties → an Extend JSON schema (behaviour.md §3.2): every primitive nullable, dates as
 * `extend:type: date`, money as the `extend:type: currency` object, header tables as arrays of objects;
 * the printed label as `extend:name` and in the description; `required` in document order. The result
 * goes through validateExtractionSchema like any user schema, and is returned in canonical form.
 */
import {
  currencyJsonSchema,
  type ExtendJsonSchema,
  type ExtendRootJsonSchema,
  toExtendJsonSchema,
  validateExtractionSchema,
} from "../../../../domain/extraction-schema/index.ts";
import type { InferredProperty, ScalarProperty } from "./inferred-properties.ts";

export function renderSchema(properties: readonly InferredProperty[]): ExtendRootJsonSchema {
  const schema: ExtendRootJsonSchema = {
    type: "object",
    properties: Object.fromEntries(properties.map((property) => [property.key, renderProperty(property)])),
    required: properties.map((property) => property.key),
    additionalProperties: false,
  };
  return toExtendJsonSchema(validateExtractionSchema(schema));
}

function renderProperty(property: InferredProperty): ExtendJsonSchema {
  if (property.kind === "scalar") return renderScalar(property);
  const columns = property.columns.map((column) => column.label).join(", ");
  const rendered: ExtendJsonSchema = {
    type: "array",
    description:
      property.label === undefined
        ? `One item per row of the table with columns ${columns}.`
        : `One item per row of the table under the heading ${property.label} (columns ${columns}).`,
    items: {
      type: "object",
      properties: Object.fromEntries(property.columns.map((column) => [column.key, renderScalar(column)])),
      required: property.columns.map((column) => column.key),
      additionalProperties: false,
    },
  };
  return rendered;
}

function renderScalar(property: ScalarProperty): ExtendJsonSchema {
  const annotations = {
    description: `The value labelled "${property.label}" in the document.`,
    "extend:name": property.label,
  };
  switch (property.type) {
    case "string":
    case "blank":
      return { type: ["string", "null"], ...annotations };
    case "number":
      return { type: ["number", "null"], ...annotations };
    case "boolean":
      return { type: ["boolean", "null"], ...annotations };
    case "date":
      return { type: ["string", "null"], "extend:type": "date", ...annotations };
    case "currency":
      return currencyJsonSchema(annotations);
  }
}
