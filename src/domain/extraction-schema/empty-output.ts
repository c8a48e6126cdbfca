/**
 * The extraction output `value` before anything is found: shaped exactly like the schema (spec
 * behaviour.md §3.4), every scalar null, every array empty, every object present with its fields.
 * Extractors start from this so a field they cannot find is still in the output, as null.
 */
import { assertNever } from "../../shared/assert-never.ts";
import type { ArrayItemNode, FieldContainerNode, SchemaNode, ValidatedSchema } from "./schema-node.ts";

export type ExtractionValue = null | string | number | boolean | ExtractionValue[] | ExtractionObject;
export interface ExtractionObject {
  [key: string]: ExtractionValue;
}

export function emptyOutputFor(schema: ValidatedSchema): ExtractionObject {
  return emptyObjectFor(schema);
}

/** A fresh object each call: callers fill it in place. Keys are inserted in output order. */
export function emptyObjectFor(node: FieldContainerNode): ExtractionObject {
  const value: ExtractionObject = {};
  for (const field of node.fields) value[field.key] = emptyValueFor(field);
  return value;
}

/** The "nothing found" value of one node; for an array item (e.g. a new line item) too. */
export function emptyValueFor(node: SchemaNode | ArrayItemNode): ExtractionValue {
  switch (node.kind) {
    case "string":
    case "number":
    case "integer":
    case "boolean":
    case "date":
    case "enum":
      return null;
    case "object":
    case "currency":
    case "signature":
      return emptyObjectFor(node);
    case "array":
      return [];
    default:
      return assertNever(node);
  }
}
