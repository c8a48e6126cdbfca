import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { ocrSettings } from "./engine-profile.ts";
import type { ParseOptions } from "./parse-outcome.ts";

const base: ParseOptions = { format: "pdf", maxPages: 10, chunking: "page" };

describe("ocrSettings", () => {
  it("runs rotation detection at full resolution under parse_performance", () => {
    const options = { ...base, config: { advancedOptions: { pageRotationEnabled: true } } };
    assert.deepEqual(ocrSettings(options, 300), { dpi: 300, correctOrientation: true });
  });

  it("skips rotation detection and lowers the resolution under parse_light", () => {
    const options = {
      ...base,
      config: { engine: "parse_light", advancedOptions: { pageRotationEnabled: true } },
    };
    assert.deepEqual(ocrSettings(options, 300), { dpi: 200, correctOrientation: false });
    assert.deepEqual(ocrSettings(options, 150), { dpi: 150, correctOrientation: false });
  });
});
