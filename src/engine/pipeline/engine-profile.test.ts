import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { findsFigures, needsOcr, ocrSettings, readsVectorGraphics } from "./engine-profile.ts";
import type { ParseOptions } from "./parse-outcome.ts";

const base: ParseOptions = { format: "pdf", maxPages: 10, chunking: "page" };

describe("ocrSettings", () => {
  it("runs rotation detection at full resolution under parse_performance", () => {
    const options = { ...base, config: { advancedOptions: { pageRotationEnabled: true } } };
    assert.deepEqual(ocrSettings(options, 300), { dpi: 300, correctOrientation: true });
  });

  it("corrects orientation unless pageRotationEnabled is false", () => {
    assert.equal(ocrSettings(base, 300).correctOrientation, true);
    const off = { ...base, config: { advancedOptions: { pageRotationEnabled: false } } };
    assert.equal(ocrSettings(off, 300).correctOrientation, false);
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

describe("parse_light skips the costly stages", () => {
  const light = { ...base, config: { engine: "parse_light" } };
  const performance = { ...base, config: { engine: "parse_performance" } };

  it("reads no vector graphics and finds no figures under parse_light only", () => {
    assert.deepEqual([readsVectorGraphics(light), findsFigures(light)], [false, false]);
    assert.deepEqual([readsVectorGraphics(performance), findsFigures(performance)], [true, true]);
    assert.deepEqual([readsVectorGraphics(base), findsFigures(base)], [true, true]);
  });

  it("OCRs only pages without any text under parse_light", () => {
    const unusable = () => false;
    assert.equal(needsOcr(light, 0, unusable), true);
    assert.equal(needsOcr(light, 12, unusable), false);
    assert.equal(needsOcr(performance, 12, unusable), true);
    assert.equal(
      needsOcr(performance, 12, () => true),
      false,
    );
    assert.equal(
      needsOcr(performance, 0, () => true),
      true,
    );
  });
});
