/** Folding for comparison, key splitting, and fuzzy similarity. */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { fold, foldWithOrigin, identifierWords } from "./fold.ts";
import { editDistance, fuzzyWordScore, wordSetSimilarity } from "./similarity.ts";

describe("fold", () => {
  it("lower-cases, strips accents and unifies punctuation", () => {
    assert.equal(fold("Numéro – Straße ÉTÉ ’s"), "numero - strasse ete 's");
    assert.equal(fold("Należność"), "naleznosc");
  });

  it("maps folded characters back to the original ones", () => {
    const { text, origin } = foldWithOrigin("Straße1");
    assert.equal(text, "strasse1");
    assert.equal(origin[text.indexOf("1")], 6);
  });
});

describe("identifierWords", () => {
  it("splits snake, kebab and camel case", () => {
    assert.deepEqual(identifierWords("line_items"), ["line", "items"]);
    assert.deepEqual(identifierWords("invoiceNumber"), ["invoice", "number"]);
    assert.deepEqual(identifierWords("VATNumber"), ["vat", "number"]);
    assert.deepEqual(identifierWords("iso-4217-code"), ["iso", "4217", "code"]);
  });
});

describe("similarity", () => {
  it("scores spellings and word sets", () => {
    assert.equal(editDistance("kitten", "sitting"), 3);
    assert.equal(fuzzyWordScore("quantity", "quantity"), 1);
    assert.ok(fuzzyWordScore("quantlty", "quantity") > 0.7);
    assert.equal(fuzzyWordScore("price", "total"), 0);
    assert.equal(wordSetSimilarity(["unit", "price"], ["unit", "price"]), 1);
    assert.ok(wordSetSimilarity(["unit", "price"], ["price"]) < 1);
  });
});
