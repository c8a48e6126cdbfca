/**
 * TesseractJsOcrEngine: the OcrEngine contract, plus its worker pool (on-demand workers, queueing beyond
 * the limit) and language data from node_modules only.
 */
import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import { availableParallelism } from "node:os";
import { isAbsolute, join } from "node:path";
import { describe, it } from "node:test";
import { runOcrEngineContract } from "./ocr-engine.case.test.ts";
import { SYNTHETIC_LINES, syntheticPage } from "./ocr-test-images.ts";
import { TesseractJsOcrEngine, workerOptions } from "./tesseract-js-ocr-engine.ts";
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

  it("loads its language data from a local directory, never a CDN", () => {
    const options = workerOptions("eng");
    // tesseract.js downloads from jsdelivr when langPath is absent or a URL; a local path is read from disk.
    assert.ok(isAbsolute(options.langPath), options.langPath);
    assert.doesNotMatch(options.langPath, /^[a-z]+:\/\//iu);
    assert.ok(existsSync(join(options.langPath, "eng.traineddata.gz")));
    assert.equal(options.gzip, true);
    // No corePath/workerPath: the Node build requires both from node_modules; a URL there would fetch.
    assert.deepEqual(Object.keys(options).sort(), ["cacheMethod", "gzip", "langPath"]);
  });

  it("sizes its worker pool to the cores unless told otherwise", () => {
    assert.equal(new TesseractJsOcrEngine().maxWorkers, availableParallelism());
    assert.equal(new TesseractJsOcrEngine({ workers: 3 }).maxWorkers, 3);
  });

  it("rejects a worker count that is not a positive integer", () => {
    assert.throws(() => new TesseractJsOcrEngine({ workers: 0 }), RangeError);
    assert.throws(() => new TesseractJsOcrEngine({ workers: 1.5 }), RangeError);
  });
});
