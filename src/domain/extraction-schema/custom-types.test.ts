/** extend:type date, currency and signature: the exact shapes Extend requires, and the legacy currency alias. */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { AppError } from "../../shared/app-error.ts";
import type { ArrayNode, CurrencyNode, SchemaField, SignatureNode } from "./schema-node.ts";
import { validateExtractionSchema } from "./validate-extraction-schema.ts";

const text = { type: ["string", "null"] };
const money = { type: ["number", "null"] };

function field(property: unknown): SchemaField {
  const [only] = validateExtractionSchema({ type: "object", properties: { f: property } }).fields;
  assert.ok(only);
  return only;
}

function rejection(property: unknown): string {
  try {
    field(property);
  } catch (error) {
    assert.ok(error instanceof AppError);
    assert.equal(error.code, "INVALID_REQUEST");
    return error.message;
  }
  assert.fail("property was accepted");
}

const currency = (properties: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({
  type: "object",
  "extend:type": "currency",
  properties,
  ...extra,
});

const signatureProperties = {
  printed_name: text,
  signature_date: { ...text, "extend:type": "date" },
  is_signed: { type: ["boolean", "null"] },
  title_or_role: text,
};

describe("extend:type date", () => {
  it("is a nullable string property, or a plain string array item", () => {
    const date = field({ ...text, "extend:type": "date", description: "Issue date" });
    assert.deepEqual([date.kind, date.nullable, date.description], ["date", true, "Issue date"]);
    const dates = field({ type: "array", items: { type: "string", "extend:type": "date" } }) as ArrayNode;
    assert.deepEqual([dates.items.kind, dates.items.nullable], ["date", false]);
  });

  it("rejects date on anything but a string", () => {
    assert.equal(
      rejection({ type: ["number", "null"], "extend:type": "date" }),
      'extend:type "date" requires type ["string", "null"], not ["number", "null"].; Path: schema.properties.f',
    );
    assert.equal(
      rejection({ type: "object", "extend:type": "date", properties: { a: text } }),
      'extend:type "date" requires type ["string", "null"], not "object".; Path: schema.properties.f',
    );
    assert.equal(
      rejection({ type: "string", "extend:type": "date" }),
      'Non-nullable primitive type "string" is not allowed. Use ["string", "null"] instead of "string".; Path: schema.properties.f',
    );
  });

  it("rejects unknown extend:type values and object types on primitives", () => {
    assert.equal(
      rejection({ ...text, "extend:type": "email" }),
      'extend:type "email" is not supported. Supported values are "date", "currency" and "signature".; Path: schema.properties.f.extend:type',
    );
    assert.equal(
      rejection({ ...money, "extend:type": "currency" }),
      'extend:type "currency" requires type "object".; Path: schema.properties.f',
    );
  });
});

describe("extend:type currency", () => {
  it("normalizes to amount then iso_4217_currency_code, whatever the declared order", () => {
    const node = field(
      currency(
        { iso_4217_currency_code: text, amount: { ...money, description: "Total" } },
        {
          required: ["iso_4217_currency_code", "amount"],
          additionalProperties: false,
          description: "Total due",
        },
      ),
    ) as CurrencyNode;
    assert.equal(node.kind, "currency");
    assert.equal(node.description, "Total due");
    assert.deepEqual(
      node.fields.map((sub) => [sub.key, sub.kind, sub.description]),
      [
        ["amount", "number", "Total"],
        ["iso_4217_currency_code", "string", null],
      ],
    );
  });

  it("accepts the legacy `value` key as an alias of `amount`, in properties and required", () => {
    const node = field(
      currency(
        { value: money, iso_4217_currency_code: text },
        { required: ["value", "iso_4217_currency_code"] },
      ),
    ) as CurrencyNode;
    assert.deepEqual(
      node.fields.map((sub) => sub.key),
      ["amount", "iso_4217_currency_code"],
    );
    assert.equal(
      rejection(currency({ value: money, amount: money, iso_4217_currency_code: text })),
      'Properties "value" and "amount" both mean "amount"; give only one.; Path: schema.properties.f.properties.amount',
    );
  });

  it("rejects missing, extra and mistyped properties", () => {
    assert.equal(
      rejection(currency({ amount: money })),
      'extend:type "currency" requires property "iso_4217_currency_code". Its properties are exactly "amount", "iso_4217_currency_code".; Path: schema.properties.f.properties',
    );
    assert.equal(
      rejection(currency({ amount: money, iso_4217_currency_code: text, note: text })),
      'Property "note" is not allowed on extend:type "currency". Its properties are exactly "amount", "iso_4217_currency_code".; Path: schema.properties.f.properties.note',
    );
    assert.equal(
      rejection(currency({ amount: text, iso_4217_currency_code: text })),
      'Property "amount" of extend:type "currency" must be ["number", "null"].; Path: schema.properties.f.properties.amount',
    );
    assert.equal(
      rejection(currency({ amount: { type: "number" }, iso_4217_currency_code: text })),
      'Non-nullable primitive type "number" is not allowed. Use ["number", "null"] instead of "number".; Path: schema.properties.f.properties.amount',
    );
    assert.equal(
      rejection(currency({})),
      "Objects must have properties.; Path: schema.properties.f.properties",
    );
  });

  it("works as an array item", () => {
    const node = field({
      type: "array",
      items: currency({ amount: money, iso_4217_currency_code: text }),
    }) as ArrayNode;
    assert.equal(node.items.kind, "currency");
  });
});

describe("extend:type signature", () => {
  it("normalizes to the four fields in canonical order, signature_date a date", () => {
    const node = field({
      type: "object",
      "extend:type": "signature",
      properties: {
        ...signatureProperties,
        signature_date: text,
        printed_name: { ...text, description: "Name" },
      },
      required: ["title_or_role", "is_signed", "signature_date", "printed_name"],
    }) as SignatureNode;
    assert.deepEqual(
      node.fields.map((sub) => [sub.key, sub.kind]),
      [
        ["printed_name", "string"],
        ["signature_date", "date"],
        ["is_signed", "boolean"],
        ["title_or_role", "string"],
      ],
    );
    assert.equal(node.fields[0]?.description, "Name");
  });

  it("rejects a missing or mistyped field", () => {
    const { title_or_role: _omitted, ...three } = signatureProperties;
    assert.equal(
      rejection({ type: "object", "extend:type": "signature", properties: three }),
      'extend:type "signature" requires property "title_or_role". Its properties are exactly "printed_name", "signature_date", "is_signed", "title_or_role".; Path: schema.properties.f.properties',
    );
    assert.equal(
      rejection({
        type: "object",
        "extend:type": "signature",
        properties: { ...signatureProperties, signature_date: { type: ["integer", "null"] } },
      }),
      'Property "signature_date" of extend:type "signature" must be ["string", "null"] with "extend:type": "date".; Path: schema.properties.f.properties.signature_date',
    );
    assert.equal(
      rejection({
        type: "object",
        "extend:type": "signature",
        properties: { ...signatureProperties, is_signed: text },
      }),
      'Property "is_signed" of extend:type "signature" must be ["boolean", "null"].; Path: schema.properties.f.properties.is_signed',
    );
  });
});
