/** Schema inference from an example output value (the eval harness's invoice2data expectations). */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { AppError } from "../../shared/app-error.ts";
import { emptyOutputFor } from "./empty-output.ts";
import { inferSchemaFromValue } from "./infer-schema-from-value.ts";
import { validateExtractionSchema } from "./validate-extraction-schema.ts";

function rejection(value: unknown): string {
  try {
    inferSchemaFromValue(value);
  } catch (error) {
    assert.ok(error instanceof AppError);
    assert.equal(error.code, "INVALID_REQUEST");
    return error.message;
  }
  assert.fail("value was accepted");
}

describe("inferSchemaFromValue", () => {
  it("infers an invoice2data-style expectation into a valid schema", () => {
    const expected = {
      issuer: "OYO",
      amount: 1939,
      amount_untaxed: 1725.5,
      date: "2017-12-31",
      invoice_number: "IBZY2087",
      currency: "INR",
      paid: true,
      note: null,
    };
    const schema = inferSchemaFromValue(expected);
    assert.deepEqual(schema, {
      type: "object",
      properties: {
        issuer: { type: ["string", "null"] },
        amount: { type: ["number", "null"] },
        amount_untaxed: { type: ["number", "null"] },
        date: { type: ["string", "null"], "extend:type": "date" },
        invoice_number: { type: ["string", "null"] },
        currency: { type: ["string", "null"] },
        paid: { type: ["boolean", "null"] },
        note: { type: ["string", "null"] },
      },
      required: ["issuer", "amount", "amount_untaxed", "date", "invoice_number", "currency", "paid", "note"],
      additionalProperties: false,
    });
    assert.deepEqual(Object.keys(emptyOutputFor(validateExtractionSchema(schema))), Object.keys(expected));
  });

  it("recognizes only real yyyy-mm-dd dates", () => {
    const schema = inferSchemaFromValue({
      a: "2020-02-29",
      b: "2021-02-29",
      c: "31/01/2020",
      d: "2020-01-31T10:00:00Z",
    });
    assert.deepEqual(
      Object.values(schema.properties).map((property) => property["extend:type"] ?? "string"),
      ["date", "string", "string", "string"],
    );
  });

  it("maps exact currency and signature shapes to the custom types, and nothing else", () => {
    const schema = inferSchemaFromValue({
      total: { amount: 12.5, iso_4217_currency_code: "EUR" },
      legacy_total: { amount: 12.5, currency: "EUR" },
      signed_by: { printed_name: "A", signature_date: "2020-01-01", is_signed: true, title_or_role: null },
    });
    assert.equal(schema.properties.total?.["extend:type"], "currency");
    assert.equal(schema.properties.legacy_total?.["extend:type"], undefined);
    assert.deepEqual(schema.properties.legacy_total?.required, ["amount", "currency"]);
    assert.equal(schema.properties.signed_by?.["extend:type"], "signature");
  });

  it("merges array elements: keys unioned in first-seen order, scalar conflicts widened to string", () => {
    const schema = inferSchemaFromValue({
      lines: [
        { description: "Room", qty: 1, date: "2020-01-01" },
        { description: "Tax", price: 9.5, qty: null, date: "n/a" },
      ],
      codes: [1, "A2"],
      dates: ["2020-01-01", "2020-01-02"],
      empty: [],
    });
    assert.deepEqual(schema.properties.lines, {
      type: "array",
      items: {
        type: "object",
        properties: {
          description: { type: ["string", "null"] },
          qty: { type: ["number", "null"] },
          date: { type: ["string", "null"] },
          price: { type: ["number", "null"] },
        },
        required: ["description", "qty", "date", "price"],
        additionalProperties: false,
      },
    });
    assert.deepEqual(schema.properties.codes, { type: "array", items: { type: "string" } });
    assert.deepEqual(schema.properties.dates, {
      type: "array",
      items: { type: "string", "extend:type": "date" },
    });
    assert.deepEqual(schema.properties.empty, { type: "array", items: { type: "string" } });
  });

  it("throws for values Extend's dialect cannot express", () => {
    assert.equal(rejection([1]), "The example value must be a JSON object.; Path: value");
    assert.equal(rejection({}), "Objects must have properties.; Path: schema.properties");
    assert.equal(
      rejection({ "bad key": 1 }),
      'Property key "bad key" is not allowed. Property keys may contain only letters, numbers, underscores, and hyphens.; Path: schema.properties.bad key',
    );
    assert.match(rejection({ m: [[1]] }), /^Nested arrays are not supported\./);
    assert.equal(
      rejection({ l: [{ a: 1 }, "x"] }),
      "Values here have incompatible shapes (object and string).; Path: value.l[1]",
    );
    assert.match(
      rejection({ a: { b: { c: { d: { e: { f: { g: 1 } } } } } } }),
      /^Maximum nesting depth of 5 exceeded/,
    );
  });
});
