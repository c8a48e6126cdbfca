/**
 * Schemas produced by the official SDK's zod helper (extend-ai/wrapper/schema) must validate, and our
 * canonical rendering must equal what the SDK sends: clients running the SDK are the compatibility bar.
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { extendCurrency, extendDate, extendSignature } from "extend-ai";
import { zodToExtendSchema } from "extend-ai/wrapper/schema/index.js";
import { z } from "zod";
import { emptyOutputFor } from "./empty-output.ts";
import type { ArrayNode, CurrencyNode, EnumNode, ObjectNode, SignatureNode } from "./schema-node.ts";
import { toExtendJsonSchema } from "./to-extend-json-schema.ts";
import { validateExtractionSchema } from "./validate-extraction-schema.ts";

/** Validates an SDK-converted schema and checks the canonical rendering round-trips to the SDK's own output. */
function fromSdk(schema: z.ZodObject<z.ZodRawShape>) {
  const json = zodToExtendSchema(schema);
  const validated = validateExtractionSchema(JSON.parse(JSON.stringify(json)));
  assert.deepEqual(toExtendJsonSchema(validated), json);
  return validated;
}

describe("SDK-produced schemas", () => {
  it("validates the SDK README's invoice example", () => {
    const schema = fromSdk(
      z.object({
        invoice_number: z.string().nullable().describe("The invoice number"),
        invoice_date: extendDate().describe("The invoice date"),
        total: extendCurrency().describe("Total amount"),
        line_items: z
          .array(
            z.object({
              description: z.string().nullable(),
              quantity: z.number().nullable(),
              price: z.number().nullable(),
            }),
          )
          .describe("Line items"),
      }),
    );
    assert.deepEqual(
      schema.fields.map((field) => [field.key, field.kind, field.description]),
      [
        ["invoice_number", "string", "The invoice number"],
        ["invoice_date", "date", "The invoice date"],
        ["total", "currency", "Total amount"],
        ["line_items", "array", "Line items"],
      ],
    );
    assert.deepEqual(emptyOutputFor(schema), {
      invoice_number: null,
      invoice_date: null,
      total: { amount: null, iso_4217_currency_code: null },
      line_items: [],
    });
  });

  it("validates the SDK test suite's invoice and contract schemas", () => {
    const invoice = fromSdk(
      z.object({
        invoice_number: z.string().nullable().describe("The invoice number"),
        invoice_date: extendDate().describe("The invoice date"),
        due_date: extendDate().describe("Payment due date"),
        vendor: z
          .object({
            name: z.string().nullable().describe("Vendor company name"),
            address: z.string().nullable().describe("Vendor address"),
          })
          .describe("Vendor information"),
        total_amount: extendCurrency().describe("Total invoice amount"),
        line_items: z
          .array(
            z.object({
              description: z.string().nullable(),
              quantity: z.number().nullable(),
              unit_price: extendCurrency(),
              line_total: extendCurrency(),
            }),
          )
          .describe("Invoice line items"),
        status: z.enum(["draft", "sent", "paid", "overdue"]).describe("Invoice status"),
      }),
    );
    const lineItems = invoice.fields.find((field) => field.key === "line_items") as ArrayNode;
    assert.deepEqual(
      (lineItems.items as ObjectNode).fields.map((field) => field.kind),
      ["string", "number", "currency", "currency"],
    );
    const status = invoice.fields.find((field) => field.key === "status") as EnumNode;
    assert.deepEqual(status.values, ["draft", "sent", "paid", "overdue"]);

    const contract = fromSdk(
      z.object({
        contract_id: z.string().nullable(),
        effective_date: extendDate(),
        party_a_signature: extendSignature().describe("Party A signature"),
        party_b_signature: extendSignature().describe("Party B signature"),
        terms: z.array(z.object({ section: z.string().nullable(), content: z.string().nullable() })),
      }),
    );
    const signature = contract.fields[2] as SignatureNode;
    assert.equal(signature.kind, "signature");
    assert.deepEqual(
      signature.fields.map((field) => field.kind),
      ["string", "date", "boolean", "string"],
    );
  });

  it("validates every zod shape the helper supports", () => {
    const schema = fromSdk(
      z.object({
        name: z.string(),
        optional_name: z.string().optional(),
        with_default: z.string().default("x"),
        count: z.number().int().nullable(),
        ratio: z.number(),
        flag: z.boolean().nullable(),
        kind: z.literal("invoice"),
        tags: z.array(z.string()),
        scores: z.array(z.number().int()),
        ratios: z.array(z.number()),
        flags: z.array(z.boolean()),
        dates: z.array(extendDate()),
        amounts: z.array(extendCurrency()),
        signatures: z.array(extendSignature()),
        described_wrappers: z.string().describe("inner").nullable(),
      }),
    );
    assert.deepEqual(
      schema.fields.map((field) => (field.kind === "array" ? `array<${field.items.kind}>` : field.kind)),
      [
        "string",
        "string",
        "string",
        "integer",
        "number",
        "boolean",
        "enum",
        "array<string>",
        "array<integer>",
        "array<number>",
        "array<boolean>",
        "array<date>",
        "array<currency>",
        "array<signature>",
        "string",
      ],
    );
    const amounts = schema.fields.find((field) => field.key === "amounts") as ArrayNode;
    assert.deepEqual(
      (amounts.items as CurrencyNode).fields.map((field) => field.key),
      ["amount", "iso_4217_currency_code"],
    );
  });

  it("validates SDK schemas nested to the depth limit, and rejects one level more", () => {
    const leaf = z.object({ value: z.string().nullable() });
    const five = z.object({
      l1: z.object({ l2: z.object({ l3: z.object({ l4: z.object({ l5: leaf }) }) }) }),
    });
    fromSdk(five);
    const six = z.object({ l0: five });
    assert.throws(
      () => validateExtractionSchema(zodToExtendSchema(six)),
      /Maximum nesting depth of 5 exceeded.*; Path: schema(\.properties\.l\d){5}\.properties\.l5$/,
    );
  });
});
