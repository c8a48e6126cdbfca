/**
 * TesseractJsOcrEngine: the OcrEngine contract, plus its worker pool (on-demand workers, queueing beyond
 * the limit) and language data from node_modules only.
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { runOcrEngineContract } from "./ocr-engine.case.test.ts";
import { SYNTHETIC_LINES, syntheticPage } from "./ocr-test-images.ts";
import { TesseractJsOcrEngine } from "./tesseract-js-ocr-engine.ts";
import { crop } from "./transform-raster.ts";

runOcrEngineContract("TesseractJsOcrEngine", async () => new TesseractJsOcrEngine({ workers: 2 }));

describe("TesseractJsOcrEngine", () => {
  it("queues calls beyond its worker limit and answers them all", async () => {
    const engine = new TesseractJsOcrEngine({ workers: 1 });
    try {
      const page = await syntheticPage(100);
      // The first line only: this is about queueing, not reading.
      const small = crop(page.image, { left: 0, top: 0, right: page.image.width, bottom: 45 * page.scale });
      const results = await Promise.all(
        [1, 2].map(() => engine.recognize(small, { language: "eng", dpi: page.dpi })),
      );
      for (const result of results) assert.equal(result.words[0]?.text, SYNTHETIC_LINES[0].split(" ")[0]);
    } finally {
      await engine.close();
    }
  });

  it("gives up on a call that overruns its time", async () => {
    const engine = new TesseractJsOcrEngine({ workers: 1, timeoutMs: 1 });
    try {
      const page = await syntheticPage(100);
      await assert.rejects(
        engine.recognize(page.image, { language: "eng", dpi: page.dpi }),
        /took over 1 ms/u,
      );
    } finally {
      await engine.close();
    }
  });

  it("rejects a worker count that is not a positive integer", () => {
    assert.throws(() => new TesseractJsOcrEngine({ workers: 0 }), RangeError);
    assert.throws(() => new TesseractJsOcrEngine({ workers: 1.5 }), RangeError);
  });
});
