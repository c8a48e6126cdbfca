import assert from "node:assert/strict";
import { describe, it } from "node:test";
import sharp from "sharp";
import { emptyPage } from "../document/page.ts";
import { syntheticPage } from "../ocr/ocr-test-images.ts";
import { rotateByDegrees } from "../ocr/transform-raster.ts";
import { parseDocument } from "../pipeline/parse-document.ts";
import { blockGeometry } from "./block-geometry.ts";

describe("blockGeometry", () => {
  const box = { left: 100, top: 50, right: 300, bottom: 70 };

  it("is the box itself on a page as given", () => {
    const geometry = blockGeometry(box, emptyPage(1, 400, 200));
    assert.deepEqual(geometry.polygon, [
      { x: 100, y: 50 },
      { x: 300, y: 50 },
      { x: 300, y: 70 },
      { x: 100, y: 70 },
    ]);
    assert.deepEqual(geometry.boundingBox, box);
  });

  it("puts a straightened page's box back on the ink: a turned rectangle and the box around it", () => {
    // Straightened by turning −2° (the scan was 2° clockwise): the box's right end sits lower on the scan.
    const page = { ...emptyPage(1, 400, 200), straightenedDegrees: -2 };
    const { polygon, boundingBox } = blockGeometry(box, page);
    const [topLeft, topRight, bottomRight, bottomLeft] = polygon;
    const rise = (topRight!.y - topLeft!.y) / (topRight!.x - topLeft!.x);
    assert.ok(Math.abs(rise - Math.tan((2 * Math.PI) / 180)) < 0.001, `slope ${rise}`);
    assert.ok(Math.abs(Math.hypot(topRight!.x - topLeft!.x, topRight!.y - topLeft!.y) - 200) < 0.02);
    assert.ok(Math.abs(Math.hypot(bottomLeft!.x - topLeft!.x, bottomLeft!.y - topLeft!.y) - 20) < 0.02);
    assert.deepEqual(boundingBox, {
      left: Math.min(topLeft!.x, bottomLeft!.x),
      top: topLeft!.y,
      right: Math.max(topRight!.x, bottomRight!.x),
      bottom: bottomRight!.y,
    });
  });

  it("places blocks of a skewed scan on the same ink as its OCR words", async () => {
    const page = await syntheticPage(150);
    const askew = rotateByDegrees(page.image, 2.5);
    const png = await sharp(askew.gray, { raw: { width: askew.width, height: askew.height, channels: 1 } })
      .png()
      .toBuffer();
    const outcome = await parseDocument(new Uint8Array(png), {
      format: "png",
      maxPages: 1,
      chunking: "page",
      config: { advancedOptions: { pageRotationEnabled: true, returnOcr: { words: true } } },
      ocr: { engine: "tesseract-cli" },
    });
    if (outcome.status === "failure") throw new Error(outcome.failureMessage);
    const blocks = outcome.output.chunks.flatMap((chunk) => chunk.blocks);
    const words = outcome.output.ocr?.words ?? [];
    assert.ok(words.length > 20 && blocks.length > 0);
    // Every word's ink (where it is on the upload) is inside the box of a block.
    for (const word of words) {
      const x = (word.boundingBox.left! + word.boundingBox.right!) / 2;
      const y = (word.boundingBox.top! + word.boundingBox.bottom!) / 2;
      assert.ok(
        blocks.some(
          (block) =>
            x >= block.boundingBox.left! &&
            x <= block.boundingBox.right! &&
            y >= block.boundingBox.top! &&
            y <= block.boundingBox.bottom!,
        ),
        `${word.content} at (${x.toFixed(0)}, ${y.toFixed(0)}) is in no block`,
      );
    }
    // A wide block's top edge runs down to the right, as the scan's lines do.
    const widest = blocks.reduce((a, b) =>
      a.boundingBox.right! - a.boundingBox.left! > b.boundingBox.right! - b.boundingBox.left! ? a : b,
    );
    const [topLeft, topRight] = widest.polygon;
    const slope = (topRight!.y - topLeft!.y) / (topRight!.x - topLeft!.x);
    assert.ok(Math.abs(slope - Math.tan((2.5 * Math.PI) / 180)) < 0.01, `slope ${slope}`);
  });
});
