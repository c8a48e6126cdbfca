/** When a text layer is usable, absent or garbage. */
import assert from "node:assert/strict";
import { it } from "node:test";
import { sentence, word } from "../test-support/words.ts";
import { assessTextLayer } from "./text-layer-quality.ts";

it("accepts ordinary text, numbers and tables", () => {
  assert.equal(
    assessTextLayer(sentence("The invoice total is 1,234.56 EUR due on 2024-05-01", 72, 100)).verdict,
    "usable",
  );
  assert.equal(
    assessTextLayer(sentence("12.00 13.50 99.99 100.00 7.25 1.00 2.50", 72, 100)).verdict,
    "usable",
  );
});

it("calls a page with no or almost no text a page without a text layer", () => {
  assert.equal(assessTextLayer([]).verdict, "none");
  // A page number over a scanned body.
  assert.equal(assessTextLayer([word("3", 300, 780)]).verdict, "none");
});

it("calls control codes, private-use glyphs and symbol soup garbage", () => {
  const controls = sentence(
    "\u0003\u0011\u0012\u0005 \u0014\u0015\u0016\u0017 \u0018\u0019\u001a\u001b ab",
    72,
    100,
  );
  assert.equal(assessTextLayer(controls).verdict, "garbage");
  const privateUse = sentence("\uE001\uE002\uE003\uE004\uE005 \uE006\uE007\uE008\uE009\uE00A\uE00B", 72, 100);
  assert.equal(assessTextLayer(privateUse).verdict, "garbage");
  const soup = sentence("!\"#$%&'()*+ ,-./:;<=>?@ [\\]^_`{|}~ !#%&()*+,-./ :;<=>?@[\\]^_ ab", 72, 100);
  const assessment = assessTextLayer(soup);
  assert.equal(assessment.verdict, "garbage");
  assert.ok(assessment.alphanumericShare < 0.1);
});
