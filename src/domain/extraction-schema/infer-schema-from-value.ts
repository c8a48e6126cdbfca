/**
 * Builds a valid extraction schema from an example output value (e.g. an invoice2data expected JSON),
 * so the eval harness can ask for exactly the keys it will score. Deliberately simple rules:
 *   - `"yyyy-mm-dd"` strings (real calendar dates) → date; other strings → string
 *   - every number → number (JSON cannot tell 2500.0 from 2500, so integer would be a guess)
 *   - `null` → string (nothing better is known); booleans → boolean
 *   - an object with exactly Extend's currency keys {amount, iso_4217_currency_code} → currency, exactly
 *     the signature keys → signature; other objects → object. A `{amount, currency}` object stays a
 *     plain object: renaming keys would make the output stop matching the example.
 *   - arrays: items merged over all elements (object keys unioned in first-seen order; differing
 *     scalars widen to string); an empty array → array of strings
 * The result is run through validateExtractionSchema, so anything Extend would reject (bad keys, depth
 * over 5, nested arrays, empty objects) throws AppError INVALID_REQUEST instead of yielding a bad schema.
 */
import { invalidRequest } from "../../shared/app-error.ts";
import { assertNever } from "../../shared/assert-never.ts";
import { isPlainObject } from "./schema-keywords.ts";
import type { ExtendJsonSchema, ExtendRootJsonSchema } from "./schema-node.ts";
import { toExtendJsonSchema } from "./to-extend-json-schema.ts";
import { validateExtractionSchema } from "./validate-extraction-schema.ts";

type Scalar = "unknown" | "string" | "date" | "number" | "boolean" | "currency" | "signature";
type Shape =
  | { readonly kind: Scalar }
  | { readonly kind: "object"; readonly fields: ReadonlyMap<string, Shape> }
  | { readonly kind: "array"; readonly items: Shape };

const CURRENCY_KEYS = ["amount", "iso_4217_currency_code"];
const SIGNATURE_KEYS = ["printed_name", "signature_date", "is_signed", "title_or_role"];
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function inferSchemaFromValue(value: unknown): ExtendRootJsonSchema {
  if (!isPlainObject(value)) throw invalidRequest("The example value must be a JSON object.", "value");
  const shape = shapeOf(value, "value");
  if (shape.kind !== "object") throw invalidRequest("The example value must be a JSON object.", "value");
  const schema: ExtendRootJsonSchema = {
    type: "object",
    properties: renderFields(shape.fields),
    required: [...shape.fields.keys()],
    additionalProperties: false,
  };
  // Validation normalizes nothing here; it is the guarantee that the inferred schema is acceptable.
  return toExtendJsonSchema(validateExtractionSchema(schema));
}

function shapeOf(value: unknown, path: string): Shape {
  if (value === null || value === undefined) return { kind: "unknown" };
  if (typeof value === "string") return { kind: isIsoDate(value) ? "date" : "string" };
  if (typeof value === "number") return { kind: "number" };
  if (typeof value === "boolean") return { kind: "boolean" };
  if (Array.isArray(value)) {
    let items: Shape = { kind: "unknown" };
    value.forEach((item, index) => {
      items = merge(items, shapeOf(item, `${path}[${index}]`), `${path}[${index}]`);
    });
    return { kind: "array", items };
  }
  if (isPlainObject(value)) {
    if (hasExactly(value, CURRENCY_KEYS) && isNumberOrNull(value.amount)) return { kind: "currency" };
    if (hasExactly(value, SIGNATURE_KEYS)) return { kind: "signature" };
    const fields = new Map<string, Shape>();
    for (const [key, field] of Object.entries(value)) fields.set(key, shapeOf(field, `${path}.${key}`));
    return { kind: "object", fields };
  }
  throw invalidRequest(`Value of type ${typeof value} cannot be represented in a schema.`, path);
}

function merge(a: Shape, b: Shape, path: string): Shape {
  if (a.kind === "unknown") return b;
  if (b.kind === "unknown") return a;
  if (a.kind === "object" && b.kind === "object") {
    const fields = new Map(a.fields);
    for (const [key, shape] of b.fields) {
      const existing = fields.get(key);
      fields.set(key, existing === undefined ? shape : merge(existing, shape, `${path}.${key}`));
    }
    return { kind: "object", fields };
  }
  if (a.kind === "array" && b.kind === "array")
    return { kind: "array", items: merge(a.items, b.items, path) };
  if (a.kind === b.kind) return a;
  const scalars: readonly string[] = ["string", "date", "number", "boolean"];
  if (scalars.includes(a.kind) && scalars.includes(b.kind)) return { kind: "string" };
  throw invalidRequest(`Values here have incompatible shapes (${a.kind} and ${b.kind}).`, path);
}

function renderFields(fields: ReadonlyMap<string, Shape>): Record<string, ExtendJsonSchema> {
  return Object.fromEntries([...fields].map(([key, shape]) => [key, render(shape, true)]));
}

/** `asProperty`: properties carry nullable primitives, array items non-nullable ones. */
function render(shape: Shape, asProperty: boolean): ExtendJsonSchema {
  const primitive = (type: "string" | "number" | "boolean"): ExtendJsonSchema => ({
    type: asProperty ? [type, "null"] : type,
  });
  switch (shape.kind) {
    case "unknown":
    case "string":
      return primitive("string");
    case "date":
      return { ...primitive("string"), "extend:type": "date" };
    case "number":
    case "boolean":
      return primitive(shape.kind);
    case "currency":
      return {
        type: "object",
        "extend:type": "currency",
        properties: {
          amount: { type: ["number", "null"] },
          iso_4217_currency_code: { type: ["string", "null"] },
        },
        required: CURRENCY_KEYS,
      };
    case "signature":
      return {
        type: "object",
        "extend:type": "signature",
        properties: {
          printed_name: { type: ["string", "null"] },
          signature_date: { type: ["string", "null"], "extend:type": "date" },
          is_signed: { type: ["boolean", "null"] },
          title_or_role: { type: ["string", "null"] },
        },
        required: SIGNATURE_KEYS,
      };
    case "object":
      return { type: "object", properties: renderFields(shape.fields), required: [...shape.fields.keys()] };
    case "array":
      // A nested array renders as array-of-array; validation then rejects it with Extend's message.
      return { type: "array", items: render(shape.items, false) };
    default:
      return assertNever(shape);
  }
}

function isIsoDate(text: string): boolean {
  const match = ISO_DATE.exec(text);
  if (match === null) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

function hasExactly(value: Record<string, unknown>, keys: readonly string[]): boolean {
  const own = Object.keys(value);
  return own.length === keys.length && keys.every((key) => own.includes(key));
}

function isNumberOrNull(value: unknown): boolean {
  return value === null || typeof value === "number";
}
