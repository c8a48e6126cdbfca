/**
 * The barcode decoder: ZXing-C++ compiled to WebAssembly (zxing-wasm, MIT). By default zxing-wasm fetches
 * its .wasm from a CDN; here the module is instantiated from the copy inside the installed package, read
 * from disk, so decoding never touches the network. One module per worker thread, made on first use.
 */
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { prepareZXingModule, type ReaderOptions, readBarcodes } from "zxing-wasm/reader";
import type { Point } from "../document/box.ts";

/** Path of the reader's .wasm inside node_modules (the package exports it for bundlers). */
export const ZXING_READER_WASM_PATH = createRequire(import.meta.url).resolve(
  "zxing-wasm/reader/zxing_reader.wasm",
);

/** Formats the engine looks for: the common linear and 2D symbologies. */
export const BARCODE_FORMATS = [
  "QRCode",
  "MicroQRCode",
  "DataMatrix",
  "PDF417",
  "Aztec",
  "Code128",
  "Code39",
  "Code93",
  "Codabar",
  "ITF",
  "EAN13",
  "EAN8",
  "UPCA",
  "UPCE",
  "DataBar",
] as const satisfies ReaderOptions["formats"];

const READER_OPTIONS: ReaderOptions = {
  formats: [...BARCODE_FORMATS],
  tryHarder: true,
  tryRotate: true,
  tryInvert: false,
  tryDownscale: true,
  maxNumberOfSymbols: 32,
};

export interface DecodedBarcode {
  /** zxing's format name, which is also Extend's ("QRCode", "Code128", "DataMatrix", "EAN13", …). */
  readonly format: string;
  readonly text: string;
  /** Corners in image pixels. */
  readonly corners: readonly [Point, Point, Point, Point];
}

let ready: Promise<void> | undefined;

/** Instantiates the module from the local .wasm, once per thread (later calls share the promise). */
export function prepareBarcodeReader(): Promise<void> {
  ready ??= (async () => {
    const bytes = await readFile(ZXING_READER_WASM_PATH);
    const wasmBinary = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength);
    await prepareZXingModule({
      overrides: {
        wasmBinary,
        // Never consulted while wasmBinary is set; pointing it at the local file keeps a CDN URL out.
        locateFile: (file: string) => (file.endsWith(".wasm") ? ZXING_READER_WASM_PATH : file),
      },
      fireImmediately: true,
    });
  })();
  ready.catch(() => {
    ready = undefined; // a failed start is retried by the next call
  });
  return ready;
}

/** Decodes every barcode in an encoded image (PNG, JPEG, …) or RGBA pixels. Invalid reads are dropped. */
export async function decodeBarcodes(
  image: Uint8Array | { readonly data: Uint8ClampedArray; readonly width: number; readonly height: number },
): Promise<DecodedBarcode[]> {
  await prepareBarcodeReader();
  const results = await readBarcodes(image as Uint8Array, READER_OPTIONS);
  return results
    .filter((result) => result.isValid && result.text !== "")
    .map((result) => {
      const { topLeft, topRight, bottomRight, bottomLeft } = result.position;
      return {
        format: result.format,
        text: result.text,
        corners: [topLeft, topRight, bottomRight, bottomLeft],
      };
    });
}
