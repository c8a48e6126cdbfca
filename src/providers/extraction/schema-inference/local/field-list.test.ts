/** Which instructions the local inferrer reads as a field list, and how labels become keys. */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { fieldListOf } from "./field-list.ts";
import { keyFromLabel } from "./property-key.ts";

describe("fieldListOf", () => {
  it("reads comma, newline and bullet lists with an optional introduction", () => {
    assert.deepEqual(fieldListOf("invoice number, invoice date, total"), [
      "invoice number",
      "invoice date",
      "total",
    ]);
    assert.deepEqual(fieldListOf("Fields:\n- vendor name\n- due date"), ["vendor name", "due date"]);
    assert.deepEqual(fieldListOf("Extract only the following fields: IBAN; BIC"), ["IBAN", "BIC"]);
    assert.deepEqual(fieldListOf("1. po number\n2. ship to"), ["po number", "ship to"]);
    assert.deepEqual(fieldListOf("invoice number, date and total"), ["invoice number", "date", "total"]);
  });

  it("leaves prose alone", () => {
    assert.equal(
      fieldListOf("If multiple totals appear, use the grand total. Return dates in ISO 8601."),
      undefined,
    );
    assert.equal(
      fieldListOf("US tax invoice with line items, vendor details and the total amount due at the end"),
      undefined,
    );
    assert.equal(fieldListOf(undefined), undefined);
    assert.equal(fieldListOf("   "), undefined);
  });
});

describe("keyFromLabel", () => {
  it("makes snake_case keys within Extend's key charset", () => {
    assert.equal(keyFromLabel("Invoice #"), "invoice_number");
    assert.equal(keyFromLabel("Numéro de TVA"), "numero_de_tva");
    assert.equal(keyFromLabel("Tax (0%)"), "tax_0_percent");
    assert.equal(keyFromLabel("TOTAL AMOUNT DUE ON August 3 , 2014"), "total_amount_due");
    assert.equal(keyFromLabel("Sold By"), "sold_by");
    assert.equal(keyFromLabel("12/05/2020"), undefined);
    assert.ok((keyFromLabel("a ".repeat(60)) ?? "").length <= 64);
  });
});
