/** Rendering PDF pages to rasters: size and scale from the DPI, content where the page draws it. */
import assert from "node:assert/strict";
import { it } from "node:test";
import { degrees, PDFDocument, rgb } from "pdf-lib";
import { loadPdf } from "./pdfjs.ts";
import { cappedScale, type RenderPageOptions, renderPdfPage } from "./render-page.ts";

/** A 200 × 100 pt page with a black 20 × 10 pt box whose top-left is 40 pt right, 30 pt down. */
async function boxPdf(rotate = 0): Promise<Uint8Array> {
  const document = await PDFDocument.create();
  const page = document.addPage([200, 100]);
  page.drawRectangle({ x: 40, y: 100 - 30 - 10, width: 20, height: 10, color: rgb(0, 0, 0) });
  if (rotate !== 0) page.setRotation(degrees(rotate));
  return document.save();
}

async function render(pdf: Uint8Array, options: RenderPageOptions) {
  const task = loadPdf(pdf, undefined);
  try {
    const page = await (await task.promise).getPage(1);
    const rendered = await renderPdfPage(page, options);
    page.cleanup();
    return rendered;
  } finally {
    await task.destroy();
  }
}

/** The grey value (red channel) at a point given in page points. */
function valueAt(rendered: Awaited<ReturnType<typeof render>>, x: number, y: number): number {
  const column = Math.floor(x * rendered.scale);
  const row = Math.floor(y * rendered.scale);
  return rendered.rgba[(row * rendered.width + column) * 4]!;
}

it("renders at the asked DPI, content at its page position, on opaque white", async () => {
  const rendered = await render(await boxPdf(), { dpi: 144 });
  assert.equal(rendered.scale, 2);
  assert.equal(rendered.dpi, 144);
  assert.deepEqual([rendered.width, rendered.height], [400, 200]);
  assert.equal(rendered.rgba.length, 400 * 200 * 4);
  assert.equal(valueAt(rendered, 50, 35), 0, "inside the box");
  assert.equal(valueAt(rendered, 30, 35), 255, "left of the box");
  assert.equal(valueAt(rendered, 50, 45), 255, "below the box");
  for (let index = 3; index < rendered.rgba.length; index += 4) assert.equal(rendered.rgba[index], 255);
  assert.equal(rendered.png, undefined);
});

it("renders the page as displayed: /Rotate 90 swaps the sides and turns the content", async () => {
  const rendered = await render(await boxPdf(90), { dpi: 72 });
  assert.deepEqual([rendered.width, rendered.height], [100, 200]);
  // Turned clockwise, the box's (40..60, 30..40) becomes x 100 − 40..100 − 30, y 40..60.
  assert.equal(valueAt(rendered, 65, 50), 0);
  assert.equal(valueAt(rendered, 35, 50), 255);
});

it("caps the raster size by lowering the DPI, and encodes PNG on request", async () => {
  const rendered = await render(await boxPdf(), { dpi: 300, maxPixels: 20_000, png: true });
  assert.ok(rendered.width * rendered.height <= 20_000 * 1.02, `${rendered.width} × ${rendered.height}`);
  assert.ok(rendered.dpi < 100);
  assert.ok(Math.abs(rendered.scale - rendered.dpi / 72) < 1e-9);
  assert.deepEqual([...(rendered.png ?? new Uint8Array()).subarray(0, 4)], [0x89, 0x50, 0x4e, 0x47]);
  assert.equal(cappedScale(612, 792, 300 / 72), 300 / 72, "a letter page at 300 DPI is not capped");
  assert.ok(cappedScale(100_000, 10, 1, 1e12) * 100_000 <= 32_767, "no side beyond Skia's limit");
});
