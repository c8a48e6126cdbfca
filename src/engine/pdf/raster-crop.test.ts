/**
 * Figure images cut from an earlier render of a larger region match a fresh render of the figure's own
 * region: same size, pixels within a half-pixel shift (a photo's values barely move); resampled from a
 * render at a finer scale, the same size and nearly the same pixels.
 */
import assert from "node:assert/strict";
import { it } from "node:test";
import { PDFDocument, rgb, StandardFonts } from "pdf-lib";
import sharp from "sharp";
import { loadPdf } from "./pdfjs.ts";
import { cropRaster, resampledCrop } from "./raster-crop.ts";
import { regionScale, renderPdfRegion, renderPdfRegionPixels } from "./render-page.ts";

/** A smooth 300 × 200 px photo-like JPEG drawn at fractional coordinates, with a caption under it. */
async function photoPdf(): Promise<Uint8Array> {
  const width = 300;
  const height = 200;
  const raw = Buffer.alloc(width * height * 3);
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++)
      raw.set(
        [Math.round((255 * x) / width), Math.round((255 * y) / height), (x + y) % 256 > 128 ? 200 : 60],
        (y * width + x) * 3,
      );
  const jpeg = await sharp(raw, { raw: { width, height, channels: 3 } })
    .jpeg({ quality: 90 })
    .toBuffer();
  const document = await PDFDocument.create();
  const page = document.addPage([612, 792]);
  const image = await document.embedJpg(jpeg);
  page.drawImage(image, { x: 100.3, y: 400.7, width: 240.4, height: 160.2 });
  page.drawText("Figure 1: a caption", {
    x: 100,
    y: 380,
    size: 11,
    font: await document.embedFont(StandardFonts.Helvetica),
    color: rgb(0, 0, 0),
  });
  return document.save();
}

it("cuts a figure out of a padded render at the same scale: same size, same pixels within a half-pixel shift", async () => {
  const task = loadPdf(await photoPdf(), undefined);
  try {
    const page = await (await task.promise).getPage(1);
    // The image in top-left page points: x 100.3–340.7, y 792 − 560.9 = 231.1 to 391.3.
    const figure = { left: 100.3, top: 231.1, right: 340.7, bottom: 391.3 };
    const padded = { left: 72.1, top: 203.4, right: 368.9, bottom: 420.6 };
    const raster = await renderPdfRegionPixels(page, padded, { dpi: 150 });
    const cut = cropRaster({ ...raster, region: padded }, figure, regionScale(figure, { dpi: 150 }));
    assert.ok(cut !== undefined);
    const fresh = await sharp(await renderPdfRegion(page, figure, { dpi: 150 }))
      .ensureAlpha()
      .raw()
      .toBuffer({ resolveWithObject: true });
    assert.deepEqual([cut.width, cut.height], [fresh.info.width, fresh.info.height]);
    let difference = 0;
    for (let at = 0; at < cut.rgba.length; at++) difference += Math.abs(cut.rgba[at]! - fresh.data[at]!);
    const meanDifference = difference / cut.rgba.length;
    assert.ok(meanDifference < 2, `mean difference ${meanDifference.toFixed(2)} levels`);
    // Another scale, or a region the raster does not cover, is not cut.
    assert.equal(
      cropRaster({ ...raster, region: padded }, figure, regionScale(figure, { dpi: 200 })),
      undefined,
    );
    const outside = { ...figure, right: 400 };
    assert.equal(
      cropRaster({ ...raster, region: padded }, outside, regionScale(outside, { dpi: 150 })),
      undefined,
    );
    page.cleanup();
  } finally {
    await task.destroy();
  }
});

it("resamples a figure out of a finer render: the size of a fresh render, nearly its pixels", async () => {
  const task = loadPdf(await photoPdf(), undefined);
  try {
    const page = await (await task.promise).getPage(1);
    const figure = { left: 100.3, top: 231.1, right: 340.7, bottom: 391.3 };
    const padded = { left: 72.1, top: 203.4, right: 368.9, bottom: 420.6 };
    const fine = { ...(await renderPdfRegionPixels(page, padded, { dpi: 200 })), region: padded };
    const scale = regionScale(figure, { dpi: 150 });
    const resampled = await resampledCrop(fine, figure, scale);
    assert.ok(resampled !== undefined);
    const fresh = await sharp(await renderPdfRegion(page, figure, { dpi: 150 }))
      .ensureAlpha()
      .raw()
      .toBuffer({ resolveWithObject: true });
    assert.deepEqual([resampled.width, resampled.height], [fresh.info.width, fresh.info.height]);
    let difference = 0;
    for (let at = 0; at < resampled.rgba.length; at++)
      difference += Math.abs(resampled.rgba[at]! - fresh.data[at]!);
    const meanDifference = difference / resampled.rgba.length;
    assert.ok(meanDifference < 3, `mean difference ${meanDifference.toFixed(2)} levels`);
    // Not from a raster at the same or a coarser scale, nor one that does not cover the region.
    assert.equal(await resampledCrop(fine, figure, regionScale(figure, { dpi: 200 })), undefined);
    assert.equal(await resampledCrop(fine, { ...figure, right: 400 }, scale), undefined);
    page.cleanup();
  } finally {
    await task.destroy();
  }
});
