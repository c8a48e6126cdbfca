import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { sentence } from "../test-support/words.ts";
import { runningTextColumns } from "./flowing-text.ts";
import type { StreamRow } from "./stream-rows.ts";

/** Stream rows of two single-column cells each, one row every 14 points. */
function rows(pairs: readonly (readonly [string, string])[]): StreamRow[] {
  return pairs.map(([left, right], index) => {
    const baseline = 100 + index * 14;
    return {
      box: { left: 72, top: baseline - 8, right: 500, bottom: baseline + 3 },
      header: false,
      cells: [
        { columnIndex: 0, columnSpan: 1, words: sentence(left, 72, baseline) },
        { columnIndex: 1, columnSpan: 1, words: sentence(right, 320, baseline) },
      ],
    };
  });
}

describe("runningTextColumns", () => {
  it("counts columns whose lines carry their sentences over", () => {
    const text = rows([
      ["specialized sections of the website dedicated", "Communities are able to"],
      ["to bringing together data suppliers and data", "aggregate content, collaboration"],
      ["consumers around a specific, cross-agency", "capabilities, and data across"],
      ["topic. These active communities provide", "agencies. With six communities"],
      ["citizens with a place to find data on their", "today, including energy, health,"],
    ]);
    assert.equal(runningTextColumns(text, 2), 2);
  });

  it("leaves table columns alone: cells that close their sentences, or yes/no values", () => {
    const table = rows([
      ["Emissions of ten tons or more.", "yes"],
      ["Smaller sources count separately.", "no"],
      ["Mobile sources such as cars.", "yes"],
      ["Non-road engines and vessels.", "no"],
    ]);
    assert.equal(runningTextColumns(table, 2), 0);
  });
});
