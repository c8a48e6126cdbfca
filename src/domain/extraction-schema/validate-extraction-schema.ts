/**
 * Validates an extraction schema against Extend's 2026-02-09 JSON Schema dialect (spec behaviour.md
 * §3.2) and normalizes it into the typed tree extractors walk. Pure: throws AppError INVALID_REQUEST
 * with Extend's `…; Path: schema.properties.name` message style on the first violation.
 */
import { currencyNode, isExtendType, LEGACY_CURRENCY_ALIASES, signatureNode } from "./custom-types.ts";
import {
  isPrimitiveType,
  nonNullablePrimitive,
  nullableArrayItem,
  nullableContainer,
  type ParsedType,
  parseSchemaType,
} from "./parse-schema-type.ts";
import {
  checkKeywords,
  formatJson,
  isPlainObject,
  readAnnotations,
  rejectUnsupportedKeywords,
  schemaError,
} from "./schema-keywords.ts";
import type {
  ArrayItemNode,
  FieldContainerNode,
  ObjectNode,
  PrimitiveNode,
  SchemaField,
  SchemaNode,
  ValidatedSchema,
} from "./schema-node.ts";
import { validateEnum } from "./validate-enum.ts";

/** "Maximum nesting level is 5 (each non-root object counts as 1 level)"; arrays themselves do not count. */
export const MAX_NESTING_DEPTH = 5;

/**
 * Keys are output keys and metadata path segments (`line_items[0].description`), so the separators
 * `.`, `[`, `]` and spaces must never appear. "Letters" is read as any Unicode letter: the docs do not
 * say ASCII, and rejecting a schema Extend accepts would break a working client.
 */
const PROPERTY_KEY = /^[\p{L}\p{N}_-]+$/u;

const ROOT_KEYWORDS: ReadonlySet<string> = new Set([
  "type",
  "properties",
  "required",
  "additionalProperties",
]);
const OBJECT_KEYWORDS: ReadonlySet<string> = new Set([...ROOT_KEYWORDS, "extend:type"]);
const ARRAY_KEYWORDS: ReadonlySet<string> = new Set(["type", "items"]);
const PRIMITIVE_KEYWORDS: ReadonlySet<string> = new Set(["type", "extend:type"]);
const ARRAY_ITEMS_RULE = "Array items must be objects or primitive types (string, number, integer, boolean).";

/** Walk state: how deep the current object is, and the raw nodes above it (to catch cycles). */
interface Walk {
  readonly depth: number;
  readonly ancestors: ReadonlySet<object>;
}

export function validateExtractionSchema(schema: unknown, path = "schema"): ValidatedSchema {
  if (isPlainObject(schema)) rejectUnsupportedKeywords(schema, path);
  if (!isPlainObject(schema) || schema.type !== "object") {
    const problem =
      isPlainObject(schema) && schema.type !== undefined ? ` instead of ${formatJson(schema.type)}` : "";
    throw schemaError(`The root schema must be of type "object"${problem}.`, path);
  }
  if (schema["extend:type"] !== undefined) {
    throw schemaError(`"extend:type" is not allowed on the root schema.`, `${path}.extend:type`);
  }
  checkKeywords(schema, path, ROOT_KEYWORDS);
  return objectNode(schema, path, { depth: 0, ancestors: new Set() });
}

function enter(node: Record<string, unknown>, path: string, walk: Walk): Walk {
  if (walk.ancestors.has(node)) throw schemaError(`Recursive schemas are not supported.`, path);
  return { depth: walk.depth, ancestors: new Set([...walk.ancestors, node]) };
}

function objectNode(node: Record<string, unknown>, path: string, walk: Walk): ObjectNode {
  const inner = enter(node, path, walk);
  const { description, extendName } = readAnnotations(node, path);
  return {
    kind: "object",
    nullable: false,
    fields: objectFields(node, path, inner, {}),
    description,
    extendName,
    schemaPath: path,
  };
}

/** Validates `properties`, `required` and `additionalProperties`; returns fields in output order. */
function objectFields(
  node: Record<string, unknown>,
  path: string,
  walk: Walk,
  aliases: Readonly<Record<string, string>>,
): SchemaField[] {
  const properties = node.properties;
  if (!isPlainObject(properties) || Object.keys(properties).length === 0) {
    throw schemaError(
      `Objects must have properties.`,
      properties === undefined ? path : `${path}.properties`,
    );
  }
  const additional = node.additionalProperties;
  if (additional !== undefined && typeof additional !== "boolean") {
    // A boolean is accepted either way: output is shaped by `properties` alone, so `true` changes nothing.
    throw schemaError(
      `"additionalProperties" must be a boolean; schemas for additional properties are not supported.`,
      `${path}.additionalProperties`,
    );
  }

  const declared: SchemaField[] = [];
  for (const [rawKey, value] of Object.entries(properties)) {
    const propertyPath = `${path}.properties.${rawKey}`;
    if (!PROPERTY_KEY.test(rawKey)) {
      throw schemaError(
        `Property key ${formatJson(rawKey)} is not allowed. Property keys may contain only letters, numbers, underscores, and hyphens.`,
        propertyPath,
      );
    }
    const key = aliases[rawKey] ?? rawKey;
    const earlier = declared.find((field) => field.key === key);
    if (earlier !== undefined) {
      // Only reachable through an alias (JSON objects cannot repeat a key): legacy `value` + `amount`.
      const earlierKey = earlier.schemaPath.slice(`${path}.properties.`.length);
      throw schemaError(
        `Properties "${earlierKey}" and "${rawKey}" both mean "${key}"; give only one.`,
        propertyPath,
      );
    }
    declared.push({ ...propertyNode(value, propertyPath, walk), key });
  }
  return orderByRequired(declared, node.required, path, aliases);
}

/**
 * "If you set a required array of the properties, we will respect that order when extracting. If you
 * do not set required array, we will generate it." A `required` listing only some properties is common
 * in hand-written schemas; every property is still extracted (all are nullable), listed ones first.
 */
function orderByRequired(
  declared: readonly SchemaField[],
  required: unknown,
  path: string,
  aliases: Readonly<Record<string, string>>,
): SchemaField[] {
  if (required === undefined) return [...declared];
  const requiredPath = `${path}.required`;
  if (!Array.isArray(required) || !required.every((item) => typeof item === "string")) {
    throw schemaError(`"required" must be an array of property names.`, requiredPath);
  }
  const ordered: SchemaField[] = [];
  for (const rawName of required as string[]) {
    const name = aliases[rawName] ?? rawName;
    const field = declared.find((candidate) => candidate.key === name);
    if (field === undefined) {
      throw schemaError(`Required property "${rawName}" is not defined in properties.`, requiredPath);
    }
    if (!ordered.includes(field)) ordered.push(field);
  }
  return [...ordered, ...declared.filter((field) => !ordered.includes(field))];
}

function propertyNode(value: unknown, path: string, walk: Walk): SchemaNode {
  if (!isPlainObject(value)) throw schemaError(`A property schema must be a JSON object.`, path);
  rejectUnsupportedKeywords(value, path);
  if (value.enum !== undefined) return validateEnum(value, path);
  const parsed = parseSchemaType(value.type, path);
  if (parsed === undefined) {
    throw schemaError(
      `Missing "type". Allowed types are string, number, integer, boolean, object, and array.`,
      path,
    );
  }
  if (parsed.base === "object") {
    if (parsed.nullable) throw nullableContainer(parsed, path);
    return nestedObject(value, path, walk);
  }
  if (parsed.base === "array") {
    if (parsed.nullable) throw nullableContainer(parsed, path);
    checkKeywords(value, path, ARRAY_KEYWORDS);
    const { description, extendName } = readAnnotations(value, path);
    return {
      kind: "array",
      nullable: false,
      items: arrayItemNode(value.items, path, walk),
      description,
      extendName,
      schemaPath: path,
    };
  }
  if (!parsed.nullable) throw nonNullablePrimitive(parsed, path);
  return primitiveNode(value, parsed, path);
}

/** A non-root object: counts one nesting level, and may be a currency or signature. */
function nestedObject(node: Record<string, unknown>, path: string, walk: Walk): FieldContainerNode {
  const depth = walk.depth + 1;
  if (depth > MAX_NESTING_DEPTH) {
    throw schemaError(
      `Maximum nesting depth of ${MAX_NESTING_DEPTH} exceeded. Each non-root object counts as one level.`,
      path,
    );
  }
  checkKeywords(node, path, OBJECT_KEYWORDS);
  const extendType = node["extend:type"];
  if (extendType === undefined) return objectNode(node, path, { ...walk, depth });
  if (!isExtendType(extendType)) throw unknownExtendType(extendType, path);
  if (extendType === "date") {
    throw schemaError(`extend:type "date" requires type ["string", "null"], not "object".`, path);
  }
  const inner = { ...enter(node, path, walk), depth };
  const { description, extendName } = readAnnotations(node, path);
  const common = { description, extendName, schemaPath: path };
  return extendType === "currency"
    ? currencyNode(objectFields(node, path, inner, LEGACY_CURRENCY_ALIASES), common)
    : signatureNode(objectFields(node, path, inner, {}), common);
}

function arrayItemNode(items: unknown, arrayPath: string, walk: Walk): ArrayItemNode {
  const path = `${arrayPath}.items`;
  if (items === undefined) throw schemaError(`Arrays must have "items".`, arrayPath);
  if (!isPlainObject(items)) throw schemaError(`"items" must be a single schema object.`, path);
  rejectUnsupportedKeywords(items, path);
  if (items.enum !== undefined)
    throw schemaError(`Enum array items are not supported. ${ARRAY_ITEMS_RULE}`, path);
  const parsed = parseSchemaType(items.type, path);
  if (parsed === undefined) throw schemaError(`Missing "type". ${ARRAY_ITEMS_RULE}`, path);
  if (parsed.base === "array")
    throw schemaError(`Nested arrays are not supported. ${ARRAY_ITEMS_RULE}`, path);
  if (parsed.base === "object") {
    if (parsed.nullable) throw nullableContainer(parsed, path);
    return nestedObject(items, path, walk);
  }
  if (parsed.nullable) throw nullableArrayItem(parsed, path);
  return primitiveNode(items, parsed, path);
}

function primitiveNode(node: Record<string, unknown>, parsed: ParsedType, path: string): PrimitiveNode {
  checkKeywords(node, path, PRIMITIVE_KEYWORDS);
  const { description, extendName } = readAnnotations(node, path);
  const base = parsed.base;
  if (!isPrimitiveType(base)) throw new Error(`unreachable: ${base} is not primitive`);
  const extendType = node["extend:type"];
  let kind: PrimitiveNode["kind"] = base;
  if (extendType !== undefined) {
    if (!isExtendType(extendType)) throw unknownExtendType(extendType, path);
    if (extendType !== "date") {
      throw schemaError(`extend:type "${extendType}" requires type "object".`, path);
    }
    if (base !== "string") {
      throw schemaError(
        `extend:type "date" requires type ${parsed.nullable ? '["string", "null"]' : '"string"'}, not ${formatJson(parsed.written)}.`,
        path,
      );
    }
    kind = "date";
  }
  return { kind, nullable: parsed.nullable, description, extendName, schemaPath: path };
}

function unknownExtendType(value: unknown, path: string): Error {
  return schemaError(
    `extend:type ${formatJson(value)} is not supported. Supported values are "date", "currency" and "signature".`,
    `${path}.extend:type`,
  );
}
