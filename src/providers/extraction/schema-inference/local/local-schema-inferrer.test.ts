/**
 * LocalSchemaInferrer on constructed pages: labelled values typed from what is printed, header tables
 * as arrays of objects, document order and de-duplicated keys, field-list instructions, merging of
 * several samples, the failure on prose, and extraction with the inferred schema finding the values.
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import {
  type ExtendJsonSchema,
  validateExtractionSchema,
} from "../../../../domain/extraction-schema/index.ts";
import { LocalFieldExtractor } from "../../local/local-field-extractor.ts";
import { documentOf, OPTIONS } from "../../local/test-support/synthetic.ts";
import { SchemaGenerationError } from "../schema-inferrer.ts";
import { LocalSchemaInferrer } from "./local-schema-inferrer.ts";

const inferrer = new LocalSchemaInferrer();

const INVOICE = documentOf([
  { text: "ACME Corporation", x: 72, y: 40, type: "heading" },
  { text: "Invoice #: INV-2041", x: 72, y: 80, type: "key_value" },
  { text: "Invoice Date: March 20, 2023", x: 72, y: 100, type: "key_value" },
  { text: "Customer Number: 1234567", x: 72, y: 120, type: "key_value" },
  { text: "Account number:", x: 72, y: 140 },
  { text: "296664039561", x: 72, y: 155 },
  { text: "Paid: [x]", x: 72, y: 175 },
  { text: "Quantity shipped: 12", x: 72, y: 195 },
  { text: "Total Due: $1,234.50", x: 72, y: 215 },
  { text: "Invoice Date: March 21, 2023", x: 300, y: 235 },
]);

function typeOf(schema: ExtendJsonSchema | undefined): string {
  if (schema === undefined) return "missing";
  if (schema["extend:type"] !== undefined) return schema["extend:type"];
  return Array.isArray(schema.type) ? schema.type[0] : String(schema.type);
}

describe("LocalSchemaInferrer", () => {
  it("types labelled values from what is printed, in document order, keys de-duplicated", async () => {
    const schema = await inferrer.infer({ documents: [INVOICE], instructions: undefined });
    assert.deepEqual(schema.required, [
      "invoice_number",
      "invoice_date",
      "customer_number",
      "account_number",
      "paid",
      "quantity_shipped",
      "total_due",
    ]);
    const types = Object.fromEntries(
      Object.entries(schema.properties).map(([key, node]) => [key, typeOf(node)]),
    );
    assert.deepEqual(types, {
      invoice_number: "string",
      invoice_date: "date",
      customer_number: "string",
      account_number: "string",
      paid: "boolean",
      quantity_shipped: "number",
      total_due: "currency",
    });
    assert.deepEqual(schema.properties.invoice_date!.type, ["string", "null"], "primitives are nullable");
    assert.equal(schema.properties.invoice_number!["extend:name"], "Invoice #");
    assert.match(schema.properties.total_due!.description ?? "", /"Total Due"/);
    assert.doesNotThrow(() => validateExtractionSchema(schema));
  });

  it("turns a table with a header row into an array of typed objects, totals below it into fields", async () => {
    const document = documentOf([
      { text: "Items", x: 72, y: 40, type: "section_heading" },
      {
        text: [
          "| Description | Qty | Unit Price | Delivered On |",
          "| --- | --- | --- | --- |",
          "| Widget | 2 | €10,00 | 01/02/2024 |",
          "| Gadget | 1 | €5,50 | 03/02/2024 |",
          "| Total | €25,50 |  |  |",
        ].join("\n"),
        x: 72,
        y: 60,
        type: "table",
      },
    ]);
    const schema = await inferrer.infer({ documents: [document], instructions: undefined });
    assert.deepEqual(schema.required, ["items", "total"]);
    const items = schema.properties.items!;
    assert.equal(items.type, "array");
    assert.deepEqual(items.items?.required, ["description", "qty", "unit_price", "delivered_on"]);
    const columns = items.items?.properties ?? {};
    assert.deepEqual(Object.fromEntries(Object.entries(columns).map(([key, node]) => [key, typeOf(node)])), {
      description: "string",
      qty: "number",
      unit_price: "currency",
      delivered_on: "date",
    });
    assert.equal(typeOf(schema.properties.total), "currency");
  });

  it("names an unheaded item table line_items and reads label/amount cells of other tables", async () => {
    const document = documentOf([
      {
        text: "| Item | Quantity | Amount |\n| --- | --- | --- |\n| Service A | 12 | $120.00 |",
        x: 72,
        y: 40,
        type: "table",
      },
      { text: "| Subtotal | $120.00 |\n| --- | --- |\n| Tax | $7.50 |", x: 72, y: 120, type: "table" },
    ]);
    const schema = await inferrer.infer({ documents: [document], instructions: undefined });
    assert.deepEqual(schema.required, ["line_items", "subtotal", "tax"]);
    assert.equal(typeOf(schema.properties.tax), "currency");
  });

  it("reads a repeated-value row as no header, and lone 'Label: value' rows inside tables as fields", async () => {
    const document = documentOf([
      {
        text: [
          "| Order ID: OD3041 | | Shipping Address |",
          "| --- | --- | --- |",
          "| Jane Roe | | Jane Roe |",
          "| Order Date: 15-10-2015 | | |",
        ].join("\n"),
        x: 72,
        y: 40,
        type: "table",
      },
      {
        text: "| Product | Qty | Price |\n| --- | --- | --- |\n| Pen | 2 | 3.50 |\n| Gift wrap: yes | | |",
        x: 72,
        y: 200,
        type: "table",
      },
    ]);
    const schema = await inferrer.infer({ documents: [document], instructions: undefined });
    assert.deepEqual(schema.required, ["order_id", "order_date", "line_items", "gift_wrap"]);
    assert.equal(typeOf(schema.properties.order_date), "date");
    assert.equal(typeOf(schema.properties.gift_wrap), "boolean");
  });

  it("reads a header over a single row of non-item values column by column", async () => {
    const document = documentOf([
      {
        text: "| Customer | Order | Invoice Date | Due Date |\n| --- | --- | --- | --- |\n| C-88 | SO-12 | 08-09-2022 | 22-09-2022 |",
        x: 72,
        y: 40,
        type: "table",
      },
      {
        text: "| Item | Qty | Price |\n| --- | --- | --- |\n| Pen | 2 | 3.50 |",
        x: 72,
        y: 120,
        type: "table",
      },
    ]);
    const schema = await inferrer.infer({ documents: [document], instructions: undefined });
    assert.deepEqual(schema.required, ["customer", "order", "invoice_date", "due_date", "line_items"]);
    assert.equal(typeOf(schema.properties.due_date), "date");
    assert.equal(schema.properties.line_items?.type, "array", "one row of items is still an item table");
  });

  it("fails with SchemaGenerationError on prose and on an empty document", async () => {
    const prose = documentOf([
      {
        text: "Thank you for your business. We look forward to working with you again next year.",
        x: 72,
        y: 40,
      },
      {
        text: "Note: this letter summarises our long conversation about the many projects we discussed over lunch.",
        x: 72,
        y: 60,
      },
    ]);
    await assert.rejects(
      inferrer.infer({ documents: [prose], instructions: undefined }),
      SchemaGenerationError,
    );
    await assert.rejects(
      inferrer.infer({ documents: [documentOf([])], instructions: undefined }),
      SchemaGenerationError,
    );
  });

  it("keeps exactly the fields a field-list instruction names, in its order", async () => {
    const schema = await inferrer.infer({
      documents: [INVOICE],
      instructions: "Extract only: total due, invoice number and delivery date",
    });
    assert.deepEqual(schema.required, ["total_due", "invoice_number", "delivery_date"]);
    assert.equal(typeOf(schema.properties.total_due), "currency");
    assert.equal(typeOf(schema.properties.delivery_date), "date", "a listed name not on the page is added");
    const prose = await inferrer.infer({
      documents: [INVOICE],
      instructions: "If several totals appear, use the grand total. Dates in ISO format.",
    });
    assert.equal(prose.required.length, 7, "prose instructions leave the schema unchanged");
  });

  it("merges samples: union of keys in first-seen order, disagreeing types widened", async () => {
    const first = documentOf([
      { text: "Reference: 42", x: 72, y: 40, type: "key_value" },
      { text: "Amount: 10.50", x: 72, y: 60, type: "key_value" },
    ]);
    const second = documentOf([
      { text: "Amount: EUR 12.00", x: 72, y: 40, type: "key_value" },
      { text: "Due Date:", x: 72, y: 60, type: "key_value" },
    ]);
    const third = documentOf([{ text: "Due Date: 2024-05-01", x: 72, y: 60, type: "key_value" }]);
    const schema = await inferrer.infer({ documents: [first, second, third], instructions: undefined });
    assert.deepEqual(schema.required, ["reference", "amount", "due_date"]);
    assert.equal(
      typeOf(schema.properties.due_date),
      "date",
      "a blank field takes the type another sample shows",
    );
    assert.equal(typeOf(schema.properties.reference), "string", "a reference's digits are an identifier");
    assert.equal(typeOf(schema.properties.amount), "currency", "number + currency → currency");
  });

  it("infers a schema the local extractor fills, with citations", async () => {
    const schema = await inferrer.infer({ documents: [INVOICE], instructions: undefined });
    const output = await new LocalFieldExtractor().extract({
      schema: validateExtractionSchema(schema),
      documents: [INVOICE],
      extractionRules: undefined,
      options: OPTIONS,
    });
    assert.equal(output.value.invoice_number, "INV-2041");
    assert.equal(output.value.invoice_date, "2023-03-20");
    assert.deepEqual(output.value.total_due, { amount: 1234.5, iso_4217_currency_code: "USD" });
    assert.ok((output.metadata.invoice_number?.citations?.length ?? 0) > 0);
  });
});
