/**
 * Shapes each window's model output like the schema (coercing or nulling what does not fit) and merges
 * the windows in document order: a scalar takes the first window's non-null value; objects merge field
 * by field; arrays concatenate every window's items and drop later items equal to an earlier one after
 * normalization (case, accents, whitespace and punctuation folded; numbers compared as numbers). Every
 * merged path remembers the window it came from, so citations can prefer that window's pages.
 */
import type {
  ArrayItemNode,
  ExtractionObject,
  ExtractionValue,
  SchemaField,
  SchemaNode,
  ValidatedSchema,
} from "../../../domain/extraction-schema/index.ts";
import { emptyObjectFor } from "../../../domain/extraction-schema/index.ts";
import { fold } from "../local/text/fold.ts";

export interface MergedOutput {
  readonly value: ExtractionObject;
  /** Metadata path (`a.b`, `items[2].c`) → index of the window the value came from. */
  readonly origins: ReadonlyMap<string, number>;
}

export function mergeWindows(schema: ValidatedSchema, raws: readonly unknown[]): MergedOutput {
  const origins = new Map<string, number>();
  const value = emptyObjectFor(schema);
  raws.forEach((raw, windowIndex) => {
    const conformed = conformFields(schema.fields, raw);
    mergeFields(schema.fields, value, conformed, "", windowIndex, origins);
  });
  return { value, origins };
}

function mergeFields(
  fields: readonly SchemaField[],
  target: ExtractionObject,
  source: ExtractionObject,
  prefix: string,
  windowIndex: number,
  origins: Map<string, number>,
): void {
  for (const field of fields) {
    const path = prefix === "" ? field.key : `${prefix}.${field.key}`;
    const incoming = source[field.key] ?? null;
    if (field.kind === "array") {
      const list = target[field.key] as ExtractionValue[];
      const seen = new Set(list.map(normalizedKey));
      for (const item of incoming as ExtractionValue[]) {
        const key = normalizedKey(item);
        if (seen.has(key)) continue;
        seen.add(key);
        markOrigins(`${path}[${list.length}]`, field.items, item, windowIndex, origins);
        list.push(item);
      }
    } else if ("fields" in field) {
      mergeFields(
        field.fields,
        target[field.key] as ExtractionObject,
        incoming as ExtractionObject,
        path,
        windowIndex,
        origins,
      );
    } else if (target[field.key] === null && incoming !== null) {
      target[field.key] = incoming;
      origins.set(path, windowIndex);
    }
  }
}

function markOrigins(
  path: string,
  node: SchemaNode | ArrayItemNode,
  value: ExtractionValue,
  windowIndex: number,
  origins: Map<string, number>,
): void {
  origins.set(path, windowIndex);
  if ("fields" in node && value !== null && typeof value === "object" && !Array.isArray(value))
    for (const field of node.fields)
      markOrigins(`${path}.${field.key}`, field, value[field.key] ?? null, windowIndex, origins);
  if (node.kind === "array" && Array.isArray(value))
    for (const [index, item] of value.entries())
      markOrigins(`${path}[${index}]`, node.items, item, windowIndex, origins);
}

/** Two items are duplicates when their normalized forms are equal. */
export function normalizedKey(value: ExtractionValue): string {
  return JSON.stringify(normalize(value));
}

function normalize(value: ExtractionValue): unknown {
  if (typeof value === "string") return fold(value).replace(/[^\p{L}\p{N}]+/gu, "");
  if (Array.isArray(value)) return value.map(normalize);
  if (value !== null && typeof value === "object")
    return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, normalize(inner)]));
  return value;
}

function conformFields(fields: readonly SchemaField[], raw: unknown): ExtractionObject {
  const source =
    raw !== null && typeof raw === "object" && !Array.isArray(raw) ? (raw as Record<string, unknown>) : {};
  const result: ExtractionObject = {};
  for (const field of fields) result[field.key] = conformValue(field, source[field.key]);
  return result;
}

/** The model's value as the schema allows it; anything else becomes the "not found" value. */
export function conformValue(node: SchemaNode | ArrayItemNode, raw: unknown): ExtractionValue {
  switch (node.kind) {
    case "string":
      return typeof raw === "string"
        ? raw.trim() === ""
          ? null
          : raw
        : typeof raw === "number"
          ? String(raw)
          : null;
    case "date":
      return typeof raw === "string" && /^\d{4}-\d{2}-\d{2}$/.test(raw.trim()) ? raw.trim() : null;
    case "number":
    case "integer": {
      const number =
        typeof raw === "number"
          ? raw
          : typeof raw === "string"
            ? Number(raw.replace(/[\s,]/g, ""))
            : Number.NaN;
      if (!Number.isFinite(number) || (typeof raw === "string" && raw.trim() === "")) return null;
      return node.kind === "integer" ? Math.round(number) : number;
    }
    case "boolean":
      return typeof raw === "boolean" ? raw : null;
    case "enum":
      return typeof raw === "string" && node.values.includes(raw) ? raw : null;
    case "object":
    case "currency":
    case "signature":
      return conformFields(node.fields, raw);
    case "array": {
      if (!Array.isArray(raw)) return [];
      const items = raw.map((item) => conformValue(node.items, item));
      // Non-nullable primitive items: a null is dropped; so is an item with nothing in it.
      return items.filter(hasContent);
    }
  }
}

function hasContent(value: ExtractionValue): boolean {
  if (value === null) return false;
  if (Array.isArray(value)) return value.some(hasContent);
  if (typeof value === "object") return Object.values(value).some(hasContent);
  return true;
}
