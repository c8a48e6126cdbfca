/**
 * The normalized extraction-schema tree that extractors walk, and the Extend JSON Schema shapes it is
 * read from and rendered back to. Validation turns untrusted JSON into this tree exactly once.
 */

export const PRIMITIVE_TYPES = ["string", "number", "integer", "boolean"] as const;
export type PrimitiveType = (typeof PRIMITIVE_TYPES)[number];

/** Every JSON Schema `type` Extend accepts (spec behaviour.md §3.2). */
export const ALLOWED_TYPES = [...PRIMITIVE_TYPES, "object", "array"] as const;
export type AllowedType = (typeof ALLOWED_TYPES)[number];

export type SchemaKind = PrimitiveType | "date" | "enum" | "object" | "array" | "currency" | "signature";

interface NodeCommon {
  /** The `description` keyword: guidance for the model, never part of the output. */
  readonly description: string | null;
  /** The `extend:name` keyword: the name shown to the model instead of the output key. */
  readonly extendName: string | null;
  /** Where the node sits in the request, e.g. `schema.properties.line_items.items` (for diagnostics). */
  readonly schemaPath: string;
}

/**
 * A scalar value. As an object property it is always nullable (Extend rejects anything else); as an
 * array item it never is (Extend: "Primitive array items are not nullable").
 */
export interface PrimitiveNode extends NodeCommon {
  readonly kind: PrimitiveType | "date";
  readonly nullable: boolean;
}

/** A string enum; `null` is always an allowed value and is not listed in `values`. */
export interface EnumNode extends NodeCommon {
  readonly kind: "enum";
  readonly nullable: true;
  readonly values: readonly string[];
  /** Parallel to `values`: the `extend:descriptions` entry for each value, or null when none was given. */
  readonly valueDescriptions: readonly (string | null)[];
}

/** An object whose output always carries every field (objects themselves are never null). */
export interface ObjectNode extends NodeCommon {
  readonly kind: "object";
  readonly nullable: false;
  /** In output order: the `required` order, then any remaining properties in declaration order. */
  readonly fields: readonly SchemaField[];
}

/** `extend:type: currency`; fields are always `amount`, `iso_4217_currency_code` (legacy `value` renamed). */
export interface CurrencyNode extends NodeCommon {
  readonly kind: "currency";
  readonly nullable: false;
  readonly fields: readonly SchemaField[];
}

/** `extend:type: signature`; fields are always printed_name, signature_date, is_signed, title_or_role. */
export interface SignatureNode extends NodeCommon {
  readonly kind: "signature";
  readonly nullable: false;
  readonly fields: readonly SchemaField[];
}

/** An array; the output is a (possibly empty) list, never null. */
export interface ArrayNode extends NodeCommon {
  readonly kind: "array";
  readonly nullable: false;
  readonly items: ArrayItemNode;
}

export type SchemaNode = PrimitiveNode | EnumNode | ObjectNode | CurrencyNode | SignatureNode | ArrayNode;
export type ArrayItemNode = PrimitiveNode | ObjectNode | CurrencyNode | SignatureNode;
/** A node with fields: what `emptyOutputFor` turns into an object of nulls. */
export type FieldContainerNode = ObjectNode | CurrencyNode | SignatureNode;

/** An object property: its output key plus the node describing its value. */
export type SchemaField = SchemaNode & { readonly key: string };

/** A validated schema is its root object node; `schemaPath` is where the schema sat in the request. */
export type ValidatedSchema = ObjectNode;

/** The canonical Extend JSON Schema (what the SDK's zod helper emits). */
export interface ExtendRootJsonSchema {
  type: "object";
  properties: Record<string, ExtendJsonSchema>;
  required: string[];
  additionalProperties: false;
  description?: string;
}

export type ExtendJsonSchema = {
  type?: AllowedType | [PrimitiveType, "null"];
  enum?: (string | null)[];
  properties?: Record<string, ExtendJsonSchema>;
  required?: string[];
  additionalProperties?: false;
  items?: ExtendJsonSchema;
  description?: string;
  "extend:type"?: "date" | "currency" | "signature";
  "extend:name"?: string;
  "extend:descriptions"?: string[];
};
