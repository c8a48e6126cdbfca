import assert from "node:assert/strict";
import { it } from "node:test";
import { mergeConfig } from "./merge-config.ts";

it("merges overrides deeply, replacing arrays and scalars", () => {
  const base = {
    schema: { type: "object" },
    advancedOptions: { citationsEnabled: true, pageRanges: [{ start: 1, end: 2 }] },
  };
  const merged = mergeConfig(base, {
    advancedOptions: { pageRanges: [{ start: 3, end: 3 }] },
    extractionRules: "x",
  });
  assert.deepEqual(merged, {
    schema: { type: "object" },
    advancedOptions: { citationsEnabled: true, pageRanges: [{ start: 3, end: 3 }] },
    extractionRules: "x",
  });
  assert.deepEqual(base.advancedOptions.pageRanges, [{ start: 1, end: 2 }], "the base is not mutated");
  assert.equal(mergeConfig(base, undefined), base);
});
