import assert from "node:assert/strict";
import { it } from "node:test";
import sharp from "sharp";
import { syntheticPage } from "../ocr/ocr-test-images.ts";
import { TesseractCliOcrEngine } from "../ocr/tesseract-cli-ocr-engine.ts";
import { EnginePool } from "../pipeline/engine-pool.ts";
import { parseDocument } from "../pipeline/parse-document.ts";
import { textPdf } from "../test-support/pdf-fixtures.ts";

it("returns every word with its box, page and confidence when returnOcr.words is on", async () => {
  const bytes = await textPdf([
    { lines: [{ text: "Invoice number 42", x: 72, y: 700 }] },
    { lines: [{ text: "Total 9.50", x: 72, y: 700 }] },
  ]);
  const outcome = await parseDocument(bytes, {
    format: "pdf",
    maxPages: 10,
    chunking: "page",
    config: { advancedOptions: { returnOcr: { words: true } } },
  });
  if (outcome.status === "failure") throw new Error(outcome.failureMessage);
  assert.equal(outcome.status, "success");
  const words = outcome.output.ocr?.words ?? [];
  assert.deepEqual(
    words.map((word) => [word.content, word.pageNumber]),
    [
      ["Invoice", 1],
      ["number", 1],
      ["42", 1],
      ["Total", 2],
      ["9.50", 2],
    ],
  );
  const first = words[0]!;
  assert.equal(first.confidence, 1, "digital text is certain");
  assert.ok(first.boundingBox.left! >= 71 && first.boundingBox.left! < 75, "x from the PDF (points)");
  assert.ok(
    first.boundingBox.top! > 80 && first.boundingBox.bottom! < 100,
    "top-left origin: y = 792 - 700 ≈ 92",
  );
  const without = await parseDocument(await textPdf([{ lines: [{ text: "x", x: 72, y: 700 }] }]), {
    format: "pdf",
    maxPages: 10,
    chunking: "page",
  });
  assert.equal(without.status !== "failure" && without.output.ocr, undefined, "absent unless asked for");
});

it("gives OCR'd words their ink box, not their line's height", async () => {
  const page = await syntheticPage(150);
  const png = await sharp(page.image.gray, {
    raw: { width: page.image.width, height: page.image.height, channels: 1 },
  })
    .png()
    .toBuffer();
  const cli = new TesseractCliOcrEngine();
  const engine = (await cli.isAvailable()) ? "tesseract-cli" : "tesseract-js";
  await cli.close();
  // In a pool thread, as a parse run does: closing the pool ends the thread's OCR workers with it.
  const pool = new EnginePool({ size: 1 });
  const outcome = await pool
    .run({
      bytes: new Uint8Array(png),
      options: {
        format: "png",
        maxPages: 1,
        chunking: "page",
        config: { advancedOptions: { returnOcr: { words: true } } },
        ocr: { engine },
      },
    })
    .finally(() => pool.close());
  if (outcome.status === "failure") throw new Error(outcome.failureMessage);
  const words = outcome.output.ocr?.words ?? [];
  // An image's points are its pixels: the known font boxes (points) scaled by 150/72.
  const known = new Map(page.words.map((word) => [word.text, word.box]));
  const was = words.find((word) => word.content === "was");
  const fontBox = known.get("was");
  assert.ok(was !== undefined && fontBox !== undefined, words.map((word) => word.content).join(" "));
  const inkHeight = was.boundingBox.bottom! - was.boundingBox.top!;
  const fontHeight = (fontBox.bottom - fontBox.top) * page.scale;
  // "was" has no ascenders or descenders: its ink is the x-height, about 0.52 em against the 0.925 em
  // font box; a box as tall as its line would be ~1 em.
  assert.ok(inkHeight < 0.75 * fontHeight, `ink ${inkHeight} px vs font box ${fontHeight} px`);
  assert.ok(
    Math.abs(was.boundingBox.bottom! - fontBox.bottom * page.scale) < fontHeight,
    "placed on its line",
  );
});
