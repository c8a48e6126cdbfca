/**
 * The fixed shapes of Extend's `extend:type` objects (currency, signature). Their fields are validated
 * like any other property first; this file then checks the exact shape and emits canonical order.
 */

import { formatJson, schemaError } from "./schema-keywords.ts";
import type {
  CurrencyNode,
  ExtendJsonSchema,
  PrimitiveType,
  SchemaField,
  SignatureNode,
} from "./schema-node.ts";

export const EXTEND_TYPES = ["date", "currency", "signature"] as const;
export type ExtendType = (typeof EXTEND_TYPES)[number];

export function isExtendType(value: unknown): value is ExtendType {
  return (EXTEND_TYPES as readonly unknown[]).includes(value);
}

/** A nullable currency property as schema generators write it: `{amount, iso_4217_currency_code}`. */
export function currencyJsonSchema(annotations: ExtendJsonSchema = {}): ExtendJsonSchema {
  return {
    type: "object",
    "extend:type": "currency",
    ...annotations,
    properties: {
      amount: { type: ["number", "null"] },
      iso_4217_currency_code: { type: ["string", "null"] },
    },
    required: ["amount", "iso_4217_currency_code"],
    additionalProperties: false,
  };
}

interface FixedField {
  readonly key: string;
  /** Kinds accepted on input; the first is the canonical one emitted. */
  readonly kinds: readonly ("date" | PrimitiveType)[];
  readonly type: PrimitiveType;
}

const CURRENCY_FIELDS: readonly FixedField[] = [
  { key: "amount", kinds: ["number"], type: "number" },
  { key: "iso_4217_currency_code", kinds: ["string"], type: "string" },
];

// signature_date is a date in every SDK-produced schema; a plain nullable string is accepted and
// normalized to a date because Extend's signature output always carries an ISO date there.
const SIGNATURE_FIELDS: readonly FixedField[] = [
  { key: "printed_name", kinds: ["string"], type: "string" },
  { key: "signature_date", kinds: ["date", "string"], type: "string" },
  { key: "is_signed", kinds: ["boolean"], type: "boolean" },
  { key: "title_or_role", kinds: ["string"], type: "string" },
];

/**
 * Upstream parity: the 2026-02-09 docs and SDK use `amount`; Extend's legacy migration guide used
 * `value` (spec behaviour.md §3.2, CONFLICT). Both are accepted on input and `amount` is emitted.
 */
export const LEGACY_CURRENCY_ALIASES: Readonly<Record<string, string>> = { value: "amount" };

export function currencyNode(
  fields: readonly SchemaField[],
  common: Pick<CurrencyNode, "description" | "extendName" | "schemaPath">,
): CurrencyNode {
  return {
    kind: "currency",
    nullable: false,
    fields: fixedShape("currency", CURRENCY_FIELDS, fields, common.schemaPath),
    ...common,
  };
}

export function signatureNode(
  fields: readonly SchemaField[],
  common: Pick<SignatureNode, "description" | "extendName" | "schemaPath">,
): SignatureNode {
  return {
    kind: "signature",
    nullable: false,
    fields: fixedShape("signature", SIGNATURE_FIELDS, fields, common.schemaPath),
    ...common,
  };
}

function fixedShape(
  extendType: "currency" | "signature",
  expected: readonly FixedField[],
  fields: readonly SchemaField[],
  path: string,
): SchemaField[] {
  const names = expected.map((field) => `"${field.key}"`).join(", ");
  for (const field of fields) {
    if (!expected.some((candidate) => candidate.key === field.key)) {
      throw schemaError(
        `Property "${field.key}" is not allowed on extend:type "${extendType}". Its properties are exactly ${names}.`,
        `${path}.properties.${field.key}`,
      );
    }
  }
  return expected.map((spec) => {
    const field = fields.find((candidate) => candidate.key === spec.key);
    if (field === undefined) {
      throw schemaError(
        `extend:type "${extendType}" requires property "${spec.key}". Its properties are exactly ${names}.`,
        `${path}.properties`,
      );
    }
    const kind = spec.kinds[0];
    if (kind === undefined || !spec.kinds.some((accepted) => accepted === field.kind)) {
      const wanted = spec.kinds.includes("date")
        ? `${formatJson([spec.type, "null"])} with "extend:type": "date"`
        : formatJson([spec.type, "null"]);
      throw schemaError(
        `Property "${spec.key}" of extend:type "${extendType}" must be ${wanted}.`,
        `${path}.properties.${spec.key}`,
      );
    }
    return {
      kind,
      nullable: true,
      key: spec.key,
      description: field.description,
      extendName: field.extendName,
      schemaPath: field.schemaPath,
    };
  });
}
