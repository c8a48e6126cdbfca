/**
 * The decoder is instantiated from the .wasm inside node_modules, never from zxing-wasm's default CDN:
 * with fetch replaced by one that fails, preparing and decoding still work and nothing was fetched.
 * A blurred code with large modules is read (zxing finds it only on its downscaled layer: tryDownscale
 * stays on even though it is a third of the decoder's time on an image without codes).
 */
import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import { sep } from "node:path";
import { describe, it } from "node:test";
import sharp from "sharp";
import { barcodePng } from "../test-support/barcode-fixtures.ts";
import { decodeBarcodes, prepareBarcodeReader, ZXING_READER_WASM_PATH } from "./zxing-reader.ts";

describe("zxing reader", () => {
  it("loads its wasm from the installed package, without the network", async () => {
    assert.ok(existsSync(ZXING_READER_WASM_PATH));
    assert.ok(ZXING_READER_WASM_PATH.includes(`${sep}node_modules${sep}zxing-wasm${sep}`));
    assert.ok(ZXING_READER_WASM_PATH.endsWith("zxing_reader.wasm"));
    const fetched: string[] = [];
    const realFetch = globalThis.fetch;
    globalThis.fetch = async (input: string | URL | Request) => {
      fetched.push(String(input));
      throw new Error("no network in tests");
    };
    try {
      await prepareBarcodeReader();
      const png = await barcodePng("local wasm", "QRCode");
      const [code] = await decodeBarcodes(png);
      assert.equal(code?.text, "local wasm");
      assert.equal(code?.format, "QRCode");
    } finally {
      globalThis.fetch = realFetch;
    }
    assert.deepEqual(fetched, []);
  });

  it("prepares once per thread", async () => {
    assert.equal(prepareBarcodeReader(), prepareBarcodeReader());
  });

  it("reads a blurred code with large modules", async () => {
    const png = await barcodePng("12345678", "ITF", 8);
    const { data, info } = await sharp(Buffer.from(png))
      .flatten({ background: "#ffffff" })
      .blur(5)
      .ensureAlpha()
      .raw()
      .toBuffer({ resolveWithObject: true });
    const codes = await decodeBarcodes({
      data: new Uint8ClampedArray(data),
      width: info.width,
      height: info.height,
    });
    assert.deepEqual(
      codes.map((code) => [code.format, code.text]),
      [["ITF", "12345678"]],
    );
  });

  it("finds nothing in a blank RGBA raster", async () => {
    const blank = { data: new Uint8ClampedArray(64 * 64 * 4).fill(255), width: 64, height: 64 };
    assert.deepEqual(await decodeBarcodes(blank), []);
  });
});
