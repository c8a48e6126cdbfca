import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { Box } from "../document/box.ts";
import type { PagePixels } from "../document/document-source.ts";
import { boxBeforeTurn, type Turn, turnPixels } from "./turned-renderer.ts";

/** Where a source point lands after turning a `width` × `height` source page `turn` degrees clockwise. */
function turnPoint(x: number, y: number, turn: Turn, width: number, height: number): [number, number] {
  if (turn === 90) return [height - y, x];
  if (turn === 180) return [width - x, height - y];
  return [y, width - x];
}

/** A 3 × 2 raster whose pixel values are 10 × index, so each pixel can be followed. */
const rgbaSource: PagePixels = {
  width: 3,
  height: 2,
  rgba: new Uint8ClampedArray([0, 1, 2, 3, 4, 5].flatMap((index) => [index * 10, 0, 0, 255])),
};
/** The same raster in grey. */
const graySource: PagePixels = {
  width: 3,
  height: 2,
  gray: Uint8Array.from([0, 1, 2, 3, 4, 5], (index) => index * 10),
};
/** Red of an RGBA raster, the level of a grey one. */
const redAt = (pixels: PagePixels, x: number, y: number) =>
  "rgba" in pixels ? pixels.rgba[(y * pixels.width + x) * 4]! : pixels.gray[y * pixels.width + x]!;

describe("turned renderer", () => {
  it("maps a turned-frame box back onto the source page for each turn", () => {
    const sourceBox: Box = { left: 10, top: 20, right: 40, bottom: 30 };
    for (const turn of [90, 180, 270] as const) {
      const [sourceWidth, sourceHeight] = [100, 200];
      const corners = [
        turnPoint(sourceBox.left, sourceBox.top, turn, sourceWidth, sourceHeight),
        turnPoint(sourceBox.right, sourceBox.bottom, turn, sourceWidth, sourceHeight),
      ];
      const turned: Box = {
        left: Math.min(corners[0]![0], corners[1]![0]),
        top: Math.min(corners[0]![1], corners[1]![1]),
        right: Math.max(corners[0]![0], corners[1]![0]),
        bottom: Math.max(corners[0]![1], corners[1]![1]),
      };
      const [width, height] = turn === 180 ? [sourceWidth, sourceHeight] : [sourceHeight, sourceWidth];
      assert.deepEqual(boxBeforeTurn(turned, turn, width, height), sourceBox, `turn ${turn}`);
    }
  });

  it("turns pixels clockwise the way the box mapping assumes, RGBA and grey alike", async () => {
    for (const [turn, source] of [90, 180, 270].flatMap((turn) =>
      [rgbaSource, graySource].map((pixels) => [turn as 90 | 180 | 270, pixels] as const),
    )) {
      const turned = await turnPixels(source, turn);
      assert.equal("gray" in turned, "gray" in source, "the kind is kept");
      assert.deepEqual([turned.width, turned.height], turn === 180 ? [3, 2] : [2, 3]);
      for (let y = 0; y < 2; y++)
        for (let x = 0; x < 3; x++) {
          // Pixel (x, y) covers the unit square from its corner; its turned square's corner is the min.
          const a = turnPoint(x, y, turn, 3, 2);
          const b = turnPoint(x + 1, y + 1, turn, 3, 2);
          assert.equal(redAt(turned, Math.min(a[0], b[0]), Math.min(a[1], b[1])), redAt(source, x, y));
        }
    }
  });
});
