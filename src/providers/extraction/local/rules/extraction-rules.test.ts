/** The recognised parts of free-text extraction rules. */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { NO_RULES, parseExtractionRules } from "./extraction-rules.ts";

describe("parseExtractionRules", () => {
  it("recognises the documented rule phrases", () => {
    const rules = parseExtractionRules(
      "If multiple totals appear, use the grand total. Return dates in ISO 8601 format. Dates are day first. Default currency EUR. Names in uppercase.",
    );
    assert.deepEqual(rules, {
      totals: "largest",
      occurrence: "best",
      dateOrder: "dmy",
      decimal: undefined,
      defaultCurrency: "EUR",
      textCase: "upper",
    });
  });

  it("reads last totals, occurrences and decimal commas", () => {
    const rules = parseExtractionRules(
      "Use the final total; take the last occurrence; numbers use a decimal comma.",
    );
    assert.equal(rules.totals, "last");
    assert.equal(rules.occurrence, "last");
    assert.equal(rules.decimal, ",");
  });

  it("is neutral without rules", () => {
    assert.deepEqual(parseExtractionRules(undefined), NO_RULES);
    assert.deepEqual(parseExtractionRules("Be careful."), NO_RULES);
  });
});
