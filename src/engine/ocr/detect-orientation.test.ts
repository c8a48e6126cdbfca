/**
 * Orientation and skew detection on real rasters: the synthetic page turned every way (the OCR comparison
 * fallback), the tesseract test image's turned copies (engine detection where available), skew, blank.
 */
import assert from "node:assert/strict";
import { after, before, it } from "node:test";
import { detectOrientation } from "./detect-orientation.ts";
import type { OcrEngine, QuarterTurn } from "./ocr-engine.ts";
import { corpusImage, fastestOcrEngine, syntheticPage } from "./ocr-test-images.ts";
import { rotateByDegrees, rotateQuarterTurns } from "./transform-raster.ts";

let engine: OcrEngine;
before(async () => {
  engine = await fastestOcrEngine();
});
after(() => engine.close());

const DPI = 100;

it("finds the turn that makes a turned page upright, by comparing OCR readings", async () => {
  const page = await syntheticPage(DPI);
  // 270 is the skew test's case below.
  const turns = [0, 90, 180] as const;
  // Concurrently: the engine runs one recognition per core.
  const findings = await Promise.all(
    turns.map((turn) =>
      detectOrientation(rotateQuarterTurns(page.image, turn), engine, {
        dpi: DPI,
        language: "eng",
        useEngineDetection: false,
      }),
    ),
  );
  for (const [index, turn] of turns.entries()) {
    const found = findings[index]!;
    assert.equal(found.rotationDegrees, (360 - turn) % 360, `page turned ${turn}°`);
    assert.equal(found.method, "ocr-comparison");
    assert.ok(found.confidence > 0.5, `confidence ${found.confidence}`);
    assert.ok(Math.abs(found.skewDegrees) < 0.3, `skew ${found.skewDegrees}`);
  }
});

it("turns the tesseract test image's rotated copies upright", async () => {
  const expected: Array<[string, QuarterTurn]> = [
    ["phototest-rotated-L.png", 90],
    ["phototest-rotated-R.png", 270],
    ["phototest-rotated-180.png", 180],
  ];
  const findings = await Promise.all(
    expected.map(async ([file]) =>
      detectOrientation(await corpusImage(`tesseract-ocr-gt/${file}`), engine, { dpi: DPI, language: "eng" }),
    ),
  );
  for (const [index, [file, rotation]] of expected.entries()) {
    const found = findings[index]!;
    assert.equal(found.rotationDegrees, rotation, `${file} (${found.method})`);
    assert.notEqual(found.method, "no-text");
  }
});

it("measures the skew left after the turn", async () => {
  const page = await syntheticPage(DPI);
  // Slanted 2° clockwise, then turned a quarter: upright again it is still slanted 2° clockwise.
  const image = rotateQuarterTurns(rotateByDegrees(page.image, 2), 90);
  const found = await detectOrientation(image, engine, {
    dpi: DPI,
    language: "eng",
    useEngineDetection: false,
  });
  assert.equal(found.rotationDegrees, 270);
  assert.ok(Math.abs(found.skewDegrees - 2) <= 0.3, `skew ${found.skewDegrees}`);
});

it("leaves a blank page as it is, without asking the engine", async () => {
  const blank = { width: 400, height: 300, gray: new Uint8Array(400 * 300).fill(250) };
  const failing: OcrEngine = {
    name: "unused",
    recognize: () => Promise.reject(new Error("must not be called")),
    close: async () => {},
  };
  assert.deepEqual(await detectOrientation(blank, failing, { dpi: DPI, language: "eng" }), {
    rotationDegrees: 0,
    skewDegrees: 0,
    confidence: 0,
    method: "no-text",
  });
});
