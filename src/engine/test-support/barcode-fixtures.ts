/**
 * Barcodes made on the fly for tests: zxing-wasm's writer (its .wasm read from the installed package, no
 * network) encodes a value as PNG, pdf-lib places the images on a page, and vector barcodes are drawn
 * as filled rectangles from the writer's module matrix. Test support only.
 */
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { PDFDocument, rgb, StandardFonts } from "pdf-lib";
import { prepareZXingModule, type WriterOptions, writeBarcode } from "zxing-wasm/writer";

const WRITER_WASM = createRequire(import.meta.url).resolve("zxing-wasm/writer/zxing_writer.wasm");
let ready: Promise<unknown> | undefined;

async function writer(): Promise<void> {
  ready ??= readFile(WRITER_WASM).then((bytes) =>
    prepareZXingModule({
      overrides: { wasmBinary: bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) },
      fireImmediately: true,
    }),
  );
  await ready;
}

/** The code as a PNG (black modules on white, with quiet zones). */
export async function barcodePng(
  text: string,
  format: NonNullable<WriterOptions["format"]>,
  scale = 4,
): Promise<Uint8Array> {
  await writer();
  const result = await writeBarcode(text, { format, scale, withQuietZones: true });
  if (result.error !== "" || result.image === null)
    throw new Error(`Cannot write ${format}: ${result.error}`);
  return new Uint8Array(await result.image.arrayBuffer());
}

/** Dark module runs of a linear code, as [start, end) module columns (from the writer's symbol). */
export async function linearBars(
  text: string,
  format: "Code128" | "EAN13",
): Promise<{ modules: number; bars: [number, number][] }> {
  await writer();
  const result = await writeBarcode(text, { format, scale: 1, withQuietZones: false, withHRT: false });
  const { width, data } = result.symbol;
  const bars: [number, number][] = [];
  let start = -1;
  for (let x = 0; x <= width; x++) {
    const dark = x < width && data[x]! < 128;
    if (dark && start < 0) start = x;
    if (!dark && start >= 0) {
      bars.push([start, x]);
      start = -1;
    }
  }
  return { modules: width, bars };
}

/** Dark modules of a 2D code as [column, row] cells (from the writer's symbol). */
export async function matrixModules(
  text: string,
  format: "QRCode" | "DataMatrix",
): Promise<[number, number][]> {
  await writer();
  const result = await writeBarcode(text, { format, scale: 1, withQuietZones: false });
  const { width, height, data } = result.symbol;
  const cells: [number, number][] = [];
  for (let row = 0; row < height; row++)
    for (let column = 0; column < width; column++)
      if (data[row * width + column]! < 128) cells.push([column, row]);
  return cells;
}

export interface PlacedImage {
  readonly png: Uint8Array;
  /** Top-left origin, points. */
  readonly left: number;
  readonly top: number;
  readonly width: number;
  readonly height: number;
}

export interface PlacedBars {
  /** Dark module runs [start, end) of a linear code, drawn as bars of `height`. */
  readonly bars?: readonly [number, number][];
  /** Dark [column, row] modules of a 2D code, each drawn as a square of `module` points. */
  readonly cells?: readonly [number, number][];
  readonly left: number;
  readonly top: number;
  /** Points per module. */
  readonly module: number;
  readonly height: number;
}

/**
 * A letter page with a line of text (unless `text` is false), the images and the vector barcodes (each bar
 * its own rectangle), then `blankPages` empty pages.
 */
export async function barcodePdf(
  images: readonly PlacedImage[],
  drawn: readonly PlacedBars[] = [],
  options: { readonly text?: boolean; readonly blankPages?: number } = {},
): Promise<Uint8Array> {
  const document = await PDFDocument.create();
  const font = await document.embedFont(StandardFonts.Helvetica);
  const page = document.addPage([612, 792]);
  if (options.text !== false)
    page.drawText("Shipping label with codes below.", { x: 72, y: 740, size: 12, font });
  for (let blank = 0; blank < (options.blankPages ?? 0); blank++) document.addPage([612, 792]);
  for (const image of images) {
    const embedded = await document.embedPng(image.png);
    page.drawImage(embedded, {
      x: image.left,
      y: 792 - image.top - image.height,
      width: image.width,
      height: image.height,
    });
  }
  for (const code of drawn) {
    for (const [column, row] of code.cells ?? [])
      page.drawRectangle({
        x: code.left + column * code.module,
        y: 792 - code.top - (row + 1) * code.module,
        width: code.module,
        height: code.module,
        color: rgb(0, 0, 0),
      });
    for (const [start, end] of code.bars ?? [])
      page.drawRectangle({
        x: code.left + start * code.module,
        y: 792 - code.top - code.height,
        width: (end - start) * code.module,
        height: code.height,
        color: rgb(0, 0, 0),
      });
  }
  return document.save();
}
