/** Phrase matching by words: separators are free, colons and segment gaps are walls, longest wins. */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { canonicalPhrase, compilePhrases } from "./phrase-pattern.ts";

describe("compilePhrases", () => {
  const pattern = compilePhrases(["total", "grand total", "invoice no", "p.u. ht", "n° de facture"]);
  const found = (text: string) => pattern.scan(text).map((match) => pattern.phrases[match.phrase]);

  it("finds phrases whatever separates their words", () => {
    assert.deepEqual(found("invoice-no.: 42"), ["invoice no"]);
    assert.deepEqual(found("p.u. ht"), ["p.u. ht"]);
    assert.deepEqual(found("n°de facture"), ["n° de facture"]);
  });

  it("prefers the longest phrase at a place and never matches inside a word", () => {
    assert.deepEqual(found("grand total 12"), ["grand total"]);
    assert.deepEqual(found("subtotal totals"), []);
  });

  it("does not match across a colon or a segment mark", () => {
    assert.deepEqual(found("invoice: no"), []);
    assert.deepEqual(found("invoice \u2016 no"), []);
  });

  it("reports character ranges in the scanned text", () => {
    const [match] = pattern.scan("the grand total");
    assert.deepEqual([match!.start, match!.end], [4, 15]);
  });

  it("canonicalises phrases to folded words", () => {
    assert.equal(canonicalPhrase("Numéro de Facture:"), "numero de facture");
    assert.equal(canonicalPhrase("invoice_number"), "invoice number");
  });
});
