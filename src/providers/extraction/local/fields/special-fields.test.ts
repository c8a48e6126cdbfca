/** Checkboxes, enums, signatures and nested objects through the extractor. */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { extractLocally } from "../local-field-extractor.ts";
import { documentOf, OPTIONS, type Placed, STRING, schemaOf } from "../test-support/synthetic.ts";

const run = (items: readonly Placed[], properties: Record<string, unknown>) =>
  extractLocally({
    schema: schemaOf(properties),
    documents: [documentOf(items)],
    extractionRules: undefined,
    options: { ...OPTIONS, modelReasoningInsightsEnabled: true },
  });

describe("special fields", () => {
  it("reads checkboxes printed before or after their label", () => {
    const output = run(
      [
        { text: "[x] Paid", x: 40, y: 40 },
        { text: "Shipped: [ ]", x: 40, y: 60 },
        { text: "Insured", x: 40, y: 80 },
      ],
      {
        paid: { type: ["boolean", "null"] },
        shipped: { type: ["boolean", "null"] },
        insured: { type: ["boolean", "null"] },
      },
    );
    assert.deepEqual(output.value, { paid: true, shipped: false, insured: null });
    assert.match(output.metadata.paid!.insights![0]!.content, /just before it \(a checkbox\)/u);
  });

  it("matches enums fuzzily near their label, or by a mention anywhere, else null", () => {
    const method = { type: ["string", "null"], enum: ["credit_card", "bank_transfer", null] };
    const labelled = run([{ text: "Payment method: Credit-Card", x: 40, y: 40 }], { payment_method: method });
    assert.equal(labelled.value.payment_method, "credit_card");
    const mentioned = run([{ text: "You paid in advance by bank transfer.", x: 40, y: 40 }], {
      payment_method: method,
    });
    assert.equal(mentioned.value.payment_method, "bank_transfer");
    const unknown = run([{ text: "Payment method: Cheque", x: 40, y: 40 }], { payment_method: method });
    assert.equal(unknown.value.payment_method, null);
  });

  it("fills a signature object around its label", () => {
    const signature = {
      type: "object",
      "extend:type": "signature",
      properties: {
        printed_name: STRING,
        signature_date: { type: ["string", "null"], "extend:type": "date" },
        is_signed: { type: ["boolean", "null"] },
        title_or_role: STRING,
      },
      required: ["printed_name", "signature_date", "is_signed", "title_or_role"],
    };
    const output = run(
      [
        { text: "Signature: /s/ Jane Doe", x: 40, y: 600 },
        { text: "Printed name: Jane Doe", x: 40, y: 620 },
        { text: "Title: CFO", x: 40, y: 640 },
        { text: "Date: 2024-05-01", x: 300, y: 640 },
      ],
      { approval: signature },
    );
    assert.deepEqual(output.value.approval, {
      printed_name: "Jane Doe",
      signature_date: "2024-05-01",
      is_signed: true,
      title_or_role: "CFO",
    });
    assert.ok(output.metadata["approval.is_signed"] !== undefined && output.metadata.approval !== undefined);
    const blank = run([{ text: "Signature: ____________", x: 40, y: 600 }], { approval: signature });
    assert.equal((blank.value.approval as Record<string, unknown>).is_signed, false);
  });

  it("reads a nested object near its own label", () => {
    const output = run(
      [
        { text: "Ship to:", x: 40, y: 40 },
        { text: "Name: Bob", x: 40, y: 55 },
        { text: "Bill to:", x: 300, y: 40 },
        { text: "Name: Alice", x: 300, y: 55 },
      ],
      { bill_to: { type: "object", properties: { name: STRING }, required: ["name"] } },
    );
    assert.deepEqual(output.value.bill_to, { name: "Alice" });
    assert.ok(output.metadata["bill_to.name"] !== undefined && output.metadata.bill_to !== undefined);
  });
});
