import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { Word } from "../document/word.ts";
import { sentence } from "../test-support/words.ts";
import { groupLines } from "./group-lines.ts";
import { groupParagraphs } from "./group-paragraphs.ts";
import { findKeyValues, isKeyValueLine } from "./key-values.ts";

function typed(words: readonly Word[]): Array<[string, string]> {
  return findKeyValues(groupParagraphs(groupLines(words))).map((block) => [block.type, block.text]);
}

describe("isKeyValueLine", () => {
  it("accepts a short label, a colon and a short value", () => {
    assert.equal(isKeyValueLine("Invoice number: 12345"), true);
    assert.equal(isKeyValueLine("Total due: $4.11"), true);
    assert.equal(isKeyValueLine("Date of birth: 12/01/1980"), true);
  });

  it("rejects prose, times, addresses and labels without a value", () => {
    assert.equal(
      isKeyValueLine("Note: this sentence goes on for quite a while and reads like prose to anyone."),
      false,
    );
    assert.equal(isKeyValueLine("The meeting starts at 10:30 sharp"), false);
    assert.equal(isKeyValueLine("see http://example.com"), false);
    assert.equal(isKeyValueLine("Bill to:"), false);
    assert.equal(isKeyValueLine("A rather long label that keeps going: value"), false);
  });
});

describe("findKeyValues", () => {
  it("retypes stacked label-value rows as one key_value block, a row per line", () => {
    const words = [
      ...sentence("Invoice number: 12345", 72, 100),
      ...sentence("Invoice date: 2024-01-31", 72, 112),
      ...sentence("Total: $4.11", 72, 124),
    ];
    assert.deepEqual(typed(words), [
      ["key_value", "Invoice number: 12345\nInvoice date: 2024-01-31\nTotal: $4.11"],
    ]);
  });

  it("pairs a label alone on its line with the value to its right", () => {
    const words = [
      ...sentence("Account:", 72, 100),
      ...sentence("ACME-778", 300, 100),
      ...sentence("Due:", 72, 130),
      ...sentence("March 3", 300, 130),
    ];
    assert.deepEqual(typed(words), [
      ["key_value", "Account: ACME-778"],
      ["key_value", "Due: March 3"],
    ]);
  });

  it("leaves a lone 'Label: value' line in prose as text", () => {
    const words = [
      ...sentence("Note: see below", 72, 100),
      ...sentence("An ordinary paragraph follows here with no colon at all.", 72, 130),
    ];
    assert.deepEqual(
      typed(words).map(([type]) => type),
      ["text", "text"],
    );
  });
});
