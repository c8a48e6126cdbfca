/** The empty output shaped like the schema, and the canonical JSON rendering of a validated schema. */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { emptyOutputFor, emptyValueFor } from "./empty-output.ts";
import type { ArrayNode } from "./schema-node.ts";
import { toExtendJsonSchema } from "./to-extend-json-schema.ts";
import { validateExtractionSchema } from "./validate-extraction-schema.ts";

const text = { type: ["string", "null"] };

const handWritten = {
  type: "object",
  title: "Invoice",
  description: "An invoice",
  properties: {
    number: { ...text, "extend:name": "Invoice Number" },
    status: {
      type: ["string", "null"],
      enum: ["PAID", "DUE", null],
      "extend:descriptions": ["Paid", "Due", ""],
    },
    total: {
      type: "object",
      "extend:type": "currency",
      properties: { value: { type: ["number", "null"] }, iso_4217_currency_code: text },
    },
    vendor: {
      type: "object",
      properties: { name: text, address: { type: "object", properties: { city: text, zip: text } } },
      required: ["address"],
    },
    lines: { type: "array", items: { type: "object", properties: { qty: { type: ["integer", "null"] } } } },
    tags: { type: "array", items: { type: "string" } },
    signature: {
      type: "object",
      "extend:type": "signature",
      properties: {
        title_or_role: text,
        is_signed: { type: ["boolean", "null"] },
        signature_date: { ...text, "extend:type": "date" },
        printed_name: text,
      },
    },
  },
  required: ["vendor", "number"],
};

describe("emptyOutputFor", () => {
  it("nulls every scalar, empties every array, keeps every object, in output order", () => {
    const output = emptyOutputFor(validateExtractionSchema(handWritten));
    assert.deepEqual(output, {
      vendor: { address: { city: null, zip: null }, name: null },
      number: null,
      status: null,
      total: { amount: null, iso_4217_currency_code: null },
      lines: [],
      tags: [],
      signature: { printed_name: null, signature_date: null, is_signed: null, title_or_role: null },
    });
    assert.deepEqual(Object.keys(output), [
      "vendor",
      "number",
      "status",
      "total",
      "lines",
      "tags",
      "signature",
    ]);
    assert.deepEqual(Object.keys(output.vendor as object), ["address", "name"]);
  });

  it("returns a fresh value each call, and an empty item for an array of objects", () => {
    const schema = validateExtractionSchema(handWritten);
    const first = emptyOutputFor(schema);
    (first.vendor as Record<string, unknown>).name = "changed";
    assert.equal((emptyOutputFor(schema).vendor as Record<string, unknown>).name, null);
    const lines = schema.fields.find((field) => field.key === "lines") as ArrayNode;
    assert.deepEqual(emptyValueFor(lines.items), { qty: null });
  });
});

describe("toExtendJsonSchema", () => {
  it("renders the canonical form: explicit required in output order, amount, no annotations it ignores", () => {
    const rendered = toExtendJsonSchema(validateExtractionSchema(handWritten));
    assert.deepEqual(rendered.required, [
      "vendor",
      "number",
      "status",
      "total",
      "lines",
      "tags",
      "signature",
    ]);
    assert.equal(rendered.description, "An invoice");
    assert.equal("title" in rendered, false);
    assert.deepEqual(rendered.properties.number, {
      type: ["string", "null"],
      "extend:name": "Invoice Number",
    });
    assert.deepEqual(rendered.properties.status, {
      enum: ["PAID", "DUE", null],
      "extend:descriptions": ["Paid", "Due"],
    });
    assert.deepEqual(Object.keys(rendered.properties.total?.properties ?? {}), [
      "amount",
      "iso_4217_currency_code",
    ]);
    assert.deepEqual(rendered.properties.vendor?.required, ["address", "name"]);
    assert.deepEqual(rendered.properties.signature?.required, [
      "printed_name",
      "signature_date",
      "is_signed",
      "title_or_role",
    ]);
  });

  it("is a fixed point: validating the rendering and rendering again changes nothing", () => {
    const once = toExtendJsonSchema(validateExtractionSchema(handWritten));
    const twice = toExtendJsonSchema(validateExtractionSchema(once));
    assert.deepEqual(twice, once);
  });
});
