/**
 * Reads a node's `type` keyword into one allowed base type plus nullability. Extend allows exactly one
 * type, optionally paired with "null"; unions of two real types are not part of the dialect.
 */
import type { AppError } from "../../shared/app-error.ts";
import { formatJson, schemaError } from "./schema-keywords.ts";
import { ALLOWED_TYPES, type AllowedType, PRIMITIVE_TYPES, type PrimitiveType } from "./schema-node.ts";

export interface ParsedType {
  readonly base: AllowedType;
  readonly nullable: boolean;
  /** The `type` value as written, for messages that quote it back. */
  readonly written: unknown;
}

const ALLOWED_LIST = "string, number, integer, boolean, object, and array";

export function isPrimitiveType(type: AllowedType): type is PrimitiveType {
  return (PRIMITIVE_TYPES as readonly string[]).includes(type);
}

function isAllowedType(type: string): type is AllowedType {
  return (ALLOWED_TYPES as readonly string[]).includes(type);
}

function disallowedType(type: string, path: string): AppError {
  return schemaError(`Type ${formatJson(type)} is not allowed. Allowed types are ${ALLOWED_LIST}.`, path);
}

/** Returns undefined when the node has no `type` (only enums may omit it). */
export function parseSchemaType(type: unknown, path: string): ParsedType | undefined {
  if (type === undefined) return undefined;
  if (typeof type === "string") {
    if (!isAllowedType(type)) throw disallowedType(type, path);
    return { base: type, nullable: false, written: type };
  }
  if (!Array.isArray(type) || type.length === 0 || !type.every((item) => typeof item === "string")) {
    throw schemaError(`"type" must be a type name or an array of type names.`, `${path}.type`);
  }
  const named = type.filter((item) => item !== "null");
  const nulls = type.length - named.length;
  const [base] = named;
  if (base === undefined) throw disallowedType("null", path);
  if (named.length > 1 || nulls > 1) {
    throw schemaError(
      `Union type ${formatJson(type)} is not allowed. Use a single type, optionally with "null" (e.g. ["string", "null"]).`,
      path,
    );
  }
  if (!isAllowedType(base)) throw disallowedType(base, path);
  return { base, nullable: nulls === 1, written: type };
}

/** Extend's own wording (spec behaviour.md §1.3), kept verbatim so clients matching on it keep working. */
export function nonNullablePrimitive(parsed: ParsedType, path: string): AppError {
  return schemaError(
    `Non-nullable primitive type ${formatJson(parsed.base)} is not allowed. Use ${formatJson([parsed.base, "null"])} instead of ${formatJson(parsed.written)}.`,
    path,
  );
}

/** Objects and arrays are never null in Extend's output, so declaring them nullable misdescribes it. */
export function nullableContainer(parsed: ParsedType, path: string): AppError {
  return schemaError(
    `Nullable type ${formatJson(parsed.written)} is not allowed. Use ${formatJson(parsed.base)} instead of ${formatJson(parsed.written)}.`,
    path,
  );
}

/** The mirror rule for array items: "Primitive array items are not nullable". */
export function nullableArrayItem(parsed: ParsedType, path: string): AppError {
  return schemaError(
    `Nullable array item type ${formatJson(parsed.written)} is not allowed. Primitive array items are not nullable; use ${formatJson(parsed.base)} instead of ${formatJson(parsed.written)}.`,
    path,
  );
}
