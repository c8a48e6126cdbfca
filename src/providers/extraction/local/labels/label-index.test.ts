/** Label hits: where a value may start, colons, and domination by longer phrases of other meanings. */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { buildDocumentLayout } from "../layout/document-layout.ts";
import { documentOf } from "../test-support/synthetic.ts";
import type { LabelPhrase } from "./field-labels.ts";
import { LabelIndex } from "./label-index.ts";

const label = (phrase: string): LabelPhrase => ({ phrase, quality: 1, source: "exact" });

describe("LabelIndex", () => {
  const layout = buildDocumentLayout([
    documentOf([
      { text: "Total HT : 46,68 €", x: 40, y: 40 },
      { text: "Facture n°562044387", x: 40, y: 60 },
    ]),
  ]);
  const index = new LabelIndex([]);

  it("marks a hit inside a longer phrase of another meaning as dominated", () => {
    const [hit] = index.hits(layout.lines[0]!, [label("total")], "total", new Set(["total"]));
    assert.equal(hit!.dominated, true);
    const [own] = index.hits(layout.lines[0]!, [label("total ht")], "untaxed", new Set(["total ht"]));
    assert.equal(own!.dominated, false);
    assert.equal(own!.colon, true);
  });

  it("lets a value start inside the label's last token", () => {
    const [hit] = index.hits(layout.lines[1]!, [label("facture n°")], "number", new Set());
    assert.equal(hit!.valueToken, 1);
    assert.equal(layout.lines[1]!.tokens[1]!.text.slice(hit!.valueCut), "562044387");
  });

  it("knows where another label starts", () => {
    assert.equal(index.labelStartsAt(layout.lines[0]!, 0), true);
    assert.equal(index.labelStartsAt(layout.lines[0]!, 3), false);
  });
});
