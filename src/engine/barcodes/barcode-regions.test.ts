/**
 * Candidate regions for barcode scanning: none on a text page without images or bars (the cheap path),
 * the whole page when no graphics were read, images that are not text backgrounds, and dense runs of
 * thin filled bars — but not table rules or underlines.
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { VectorPath } from "../document/graphics.ts";
import { emptyPage, type Page } from "../document/page.ts";
import { sentence } from "../test-support/words.ts";
import { barcodeRegions } from "./barcode-regions.ts";

function page(
  images: Page["words"][number]["box"][],
  paths: VectorPath[],
  words = sentence("Some text here", 72, 80),
): Page {
  return { ...emptyPage(1, 612, 792), words, graphics: { images, paths } };
}

function bar(left: number, width: number, top = 300, height = 40): VectorPath {
  return {
    box: { left, top, right: left + width, bottom: top + height },
    segments: 4,
    freeform: 0,
    stroked: false,
    darkFill: true,
  };
}

describe("barcode regions", () => {
  it("finds nothing on a text page without images or bars", () => {
    assert.deepEqual(barcodeRegions(page([], [])), []);
  });

  it("scans the whole page when the source read no graphics (images, scans)", () => {
    const scan = emptyPage(1, 800, 600);
    assert.deepEqual(barcodeRegions(scan), [
      {
        box: { left: 0, top: 0, right: 800, bottom: 600 },
        core: { left: 0, top: 0, right: 800, bottom: 600 },
        kind: "page",
      },
    ]);
    assert.deepEqual(barcodeRegions({ ...emptyPage(1, null, null) }), []);
  });

  it("takes images with a quiet zone around them, not text backgrounds or specks", () => {
    const image = { left: 100, top: 100, right: 200, bottom: 200 };
    const background = { left: 60, top: 60, right: 300, bottom: 90 };
    const speck = { left: 400, top: 400, right: 405, bottom: 405 };
    const words = sentence("A heading drawn over its banner image", 64, 80, 20);
    const regions = barcodeRegions(page([image, background, speck], [], words));
    assert.equal(regions.length, 1);
    assert.equal(regions[0]!.kind, "image");
    assert.deepEqual(regions[0]!.core, image);
    assert.ok(regions[0]!.box.left < 100 && regions[0]!.box.right > 200);
  });

  it("scans the tiles of one picture (strips a hair apart) as one image", () => {
    const strips = [
      { left: 137, top: 380, right: 539, bottom: 430.9 },
      { left: 137, top: 431.1, right: 539, bottom: 590.9 },
      { left: 137, top: 591, right: 539, bottom: 683 },
    ];
    const regions = barcodeRegions(page(strips, []));
    assert.equal(regions.length, 1);
    assert.deepEqual(regions[0]!.core, { left: 137, top: 380, right: 539, bottom: 683 });
    const apart = barcodeRegions(page([strips[0]!, { ...strips[2]!, top: 440 }], []));
    assert.equal(apart.length, 2);
    // Pictures a hair apart but of other widths are not one picture.
    const narrower = barcodeRegions(page([strips[0]!, { ...strips[1]!, right: 400 }], []));
    assert.equal(narrower.length, 2);
  });

  it("gives bars beside an image, in its quiet zone, a region of their own", () => {
    const image = { left: 100, top: 100, right: 300, bottom: 300 };
    const bars: VectorPath[] = [];
    for (let index = 0; index < 30; index++) bars.push(bar(100 + index * 3, 1, 310, 10));
    const regions = barcodeRegions(page([image], bars));
    assert.deepEqual(
      regions.map((region) => region.kind),
      ["image", "drawing"],
    );
    assert.ok(regions[0]!.box.bottom > 320, "the bars lie in the image's quiet zone");
  });

  it("finds a run of thin filled bars, but not table rules", () => {
    const bars: VectorPath[] = [];
    for (let index = 0; index < 30; index++) bars.push(bar(300 + index * 3, index % 3 === 0 ? 2 : 1));
    const rules = [0, 1, 2, 3].map((row) => ({ ...bar(72, 400, 500 + row * 20, 0.5) }));
    const regions = barcodeRegions(page([], [...bars, ...rules]));
    assert.equal(regions.length, 1);
    assert.equal(regions[0]!.kind, "drawing");
    assert.deepEqual(regions[0]!.core, { left: 300, top: 300, right: 388, bottom: 340 });
  });

  it("ignores a few scattered bars", () => {
    const bars = [0, 1, 2, 3, 4].map((index) => bar(100 + index * 50, 1));
    assert.deepEqual(barcodeRegions(page([], bars)), []);
  });
});
