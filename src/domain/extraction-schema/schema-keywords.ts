/**
 * Which JSON Schema keywords the extraction dialect understands, ignores or rejects, and the one
 * place validation errors are built (Extend's `…; Path: schema.properties.name` message style).
 */
import { type AppError, invalidRequest } from "../../shared/app-error.ts";

/**
 * Keywords Extend documents as unsupported (composition, definitions/references, recursion, `const`,
 * conditionals, regex and other type-specific validation) plus the rest of the JSON Schema validation
 * vocabulary of the same families. Each is rejected by name, because silently dropping a constraint
 * would make the output disagree with what the caller asked for.
 */
export const UNSUPPORTED_KEYWORDS: ReadonlySet<string> = new Set([
  "anyOf",
  "oneOf",
  "allOf",
  "not",
  "$ref",
  "$defs",
  "definitions",
  "$dynamicRef",
  "$dynamicAnchor",
  "$recursiveRef",
  "$recursiveAnchor",
  "$anchor",
  "const",
  "if",
  "then",
  "else",
  "dependencies",
  "dependentRequired",
  "dependentSchemas",
  "pattern",
  "patternProperties",
  "propertyNames",
  "format",
  "minimum",
  "maximum",
  "exclusiveMinimum",
  "exclusiveMaximum",
  "multipleOf",
  "minLength",
  "maxLength",
  "minItems",
  "maxItems",
  "uniqueItems",
  "contains",
  "minContains",
  "maxContains",
  "minProperties",
  "maxProperties",
  "prefixItems",
  "additionalItems",
  "unevaluatedItems",
  "unevaluatedProperties",
  "contentEncoding",
  "contentMediaType",
  "contentSchema",
]);

/** The `extend:` keywords Extend defines; any other `extend:` key is a typo worth reporting. */
export const EXTEND_KEYWORDS: ReadonlySet<string> = new Set([
  "extend:type",
  "extend:name",
  "extend:descriptions",
]);

/** Structural keywords, checked per kind: one on the wrong kind (e.g. `items` on a string) is an error. */
export const STRUCTURAL_KEYWORDS: ReadonlySet<string> = new Set([
  "type",
  "enum",
  "properties",
  "required",
  "additionalProperties",
  "items",
  "extend:type",
  "extend:descriptions",
]);

/** An Extend-style validation error: message, then `; Path: <path>`. */
export function schemaError(message: string, path: string): AppError {
  return invalidRequest(message, path);
}

/** Renders a JSON value the way Extend's messages do (Python-style `["string", "null"]`). */
export function formatJson(value: unknown): string {
  return Array.isArray(value)
    ? `[${value.map((item) => JSON.stringify(item)).join(", ")}]`
    : JSON.stringify(value);
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/**
 * Rejects unsupported keywords and unknown `extend:` keywords. Run first on every node, so a schema
 * using e.g. `anyOf` instead of `type` hears about `anyOf`, not about a missing type. Everything else
 * (`title`, `examples`, `default`, `$comment`, `$schema`, vendor `x-…` keys) is an annotation: it
 * constrains nothing, so ignoring it cannot change the output.
 */
export function rejectUnsupportedKeywords(node: Record<string, unknown>, path: string): void {
  for (const keyword of Object.keys(node)) {
    if (UNSUPPORTED_KEYWORDS.has(keyword)) {
      throw schemaError(
        `Unsupported keyword "${keyword}". Extraction schemas do not support it.`,
        `${path}.${keyword}`,
      );
    }
    if (keyword.startsWith("extend:") && !EXTEND_KEYWORDS.has(keyword)) {
      throw schemaError(
        `Unknown keyword "${keyword}". Supported Extend keywords are extend:type, extend:name and extend:descriptions.`,
        `${path}.${keyword}`,
      );
    }
  }
}

/** Rejects structural keywords that do not belong to the node's kind (e.g. `items` on a string). */
export function checkKeywords(
  node: Record<string, unknown>,
  path: string,
  allowed: ReadonlySet<string>,
): void {
  for (const keyword of Object.keys(node)) {
    if (STRUCTURAL_KEYWORDS.has(keyword) && !allowed.has(keyword)) {
      throw schemaError(`Keyword "${keyword}" is not allowed on this field.`, `${path}.${keyword}`);
    }
  }
}

/** Reads the optional `description` and `extend:name` annotations, which must be strings. */
export function readAnnotations(
  node: Record<string, unknown>,
  path: string,
): { description: string | null; extendName: string | null } {
  const description = node.description;
  if (description !== undefined && typeof description !== "string") {
    throw schemaError(`"description" must be a string.`, `${path}.description`);
  }
  const extendName = node["extend:name"];
  if (extendName !== undefined && (typeof extendName !== "string" || extendName.trim() === "")) {
    throw schemaError(`"extend:name" must be a non-empty string.`, `${path}.extend:name`);
  }
  return { description: description ?? null, extendName: extendName ?? null };
}
