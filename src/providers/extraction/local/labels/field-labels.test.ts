/** A field's candidate labels: its own words first, then synonyms, chosen by value type and place. */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { SchemaNode } from "../../../../domain/extraction-schema/index.ts";
import { labelsOf } from "./field-labels.ts";

const node = (kind: "string" | "number" | "date", extra: Partial<SchemaNode> = {}): SchemaNode =>
  ({
    kind,
    nullable: true,
    description: null,
    extendName: null,
    schemaPath: "schema",
    ...extra,
  }) as SchemaNode;

const quality = (labels: ReturnType<typeof labelsOf>, phrase: string) =>
  labels.phrases.find((label) => label.phrase === phrase)?.quality;

describe("labelsOf", () => {
  it("ranks the key's own words above synonyms above weak synonyms", () => {
    const labels = labelsOf("invoice_number", node("string"), false);
    assert.equal(quality(labels, "invoice number"), 1);
    assert.equal(quality(labels, "invoice #"), 0.9);
    assert.equal(quality(labels, "factuurnummer"), 0.9);
    assert.equal(quality(labels, "invoice"), 0.6);
  });

  it("splits camelCase, expands abbreviations and adds extend:name", () => {
    const labels = labelsOf("qtyOrdered", node("number", { extendName: "Units shipped" }), true);
    assert.equal(quality(labels, "quantity ordered"), 1);
    assert.equal(quality(labels, "units shipped"), 1);
    assert.equal(labels.primary, "units shipped");
  });

  it("chooses the concept an ambiguous key means for the field's type", () => {
    assert.ok(quality(labelsOf("vat", node("string"), false), "ustid") !== undefined);
    assert.equal(quality(labelsOf("vat", node("string"), false), "tax amount"), undefined);
    assert.ok(quality(labelsOf("vat", node("number"), false), "tax amount") !== undefined);
  });

  it("chooses document or line-item concepts by place", () => {
    assert.ok(quality(labelsOf("amount", node("number"), false), "grand total") !== undefined);
    assert.ok(quality(labelsOf("amount", node("number"), true), "line total") !== undefined);
  });

  it("falls back to parts of the key, weaker, when the whole names nothing", () => {
    const labels = labelsOf("partner_coc", node("string"), false);
    const kvk = quality(labels, "kvk");
    assert.ok(kvk !== undefined && kvk < 0.9);
  });

  it("does not guess from key parts when extend:name says how the label is printed", () => {
    const labels = labelsOf("fax_number_2", node("string", { extendName: "FAX NUMBER:" }), false);
    assert.equal(labels.phrases.find((label) => label.phrase === "fax number")?.printed, "FAX NUMBER:");
  });

  it("reads concepts named in the description and quoted labels", () => {
    const labels = labelsOf(
      "x1",
      node("date", { description: 'The due date, printed as "Pay before"' }),
      false,
    );
    assert.equal(quality(labels, "pay before"), 0.95);
    assert.ok(quality(labels, "vervaldatum") !== undefined);
  });
});
