/**
 * The white quiet zone an image region is decoded in: the rendered pixels sit inside a white border of
 * the asked widths, unchanged.
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { withWhiteMargin } from "./page-barcodes.ts";

describe("white margin", () => {
  it("puts the pixels inside a white border, and leaves them as they are without one", () => {
    const rgba = new Uint8ClampedArray(2 * 2 * 4);
    for (let at = 0; at < rgba.length; at++) rgba[at] = at % 4 === 3 ? 255 : at;
    const framed = withWhiteMargin({ width: 2, height: 2, rgba }, { left: 1, top: 2, right: 3, bottom: 0 });
    assert.equal(framed.width, 6);
    assert.equal(framed.height, 4);
    const pixel = (x: number, y: number) => [...framed.data.subarray((y * 6 + x) * 4, (y * 6 + x + 1) * 4)];
    assert.deepEqual(pixel(0, 0), [255, 255, 255, 255]);
    assert.deepEqual(pixel(1, 2), [0, 1, 2, 255]);
    assert.deepEqual(pixel(2, 3), [12, 13, 14, 255]);
    assert.deepEqual(pixel(3, 3), [255, 255, 255, 255]);
    assert.deepEqual(pixel(0, 3), [255, 255, 255, 255]);
    const same = withWhiteMargin({ width: 2, height: 2, rgba }, { left: 0, top: 0, right: 0, bottom: 0 });
    assert.deepEqual([...same.data], [...rgba]);
  });
});
