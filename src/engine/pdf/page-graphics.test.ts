/** Figure candidates from operator lists, including the image operators pdf.js's display list folds. */
import assert from "node:assert/strict";
import { it } from "node:test";
import { OPS } from "pdfjs-dist/legacy/build/pdf.mjs";
import { withoutAnnotations } from "./display-operator-list.ts";
import type { Matrix } from "./matrix.ts";
import { pageGraphics } from "./page-graphics.ts";

// A 100 pt tall page: user space y up, page space y down.
const FLIP: Matrix = [1, 0, 0, -1, 0, 100];

it("places every copy of a repeated image and every member of an image group", () => {
  const graphics = pageGraphics(
    {
      fnArray: [
        OPS.paintImageXObjectRepeat,
        OPS.paintImageMaskXObjectGroup,
        OPS.paintInlineImageXObjectGroup,
      ],
      argsArray: [
        ["img_1", 10, 5, [0, 0, 20, 30]],
        [[{ transform: [4, 0, 0, 4, 50, 50] }, { transform: [1, 0, 0, 1, 0, 0] }]],
        [{}, [{ transform: [8, 0, 0, 8, 70, 10], x: 0, y: 0, w: 1, h: 1 }]],
      ],
    },
    FLIP,
  );
  assert.deepEqual(graphics.images, [
    { left: 0, top: 95, right: 10, bottom: 100 },
    { left: 20, top: 65, right: 30, bottom: 70 },
    { left: 50, top: 46, right: 54, bottom: 50 },
    // The 1 × 1 pt mask is below the 2 pt floor.
    { left: 70, top: 82, right: 78, bottom: 90 },
  ]);
});

it("leaves annotation operators out of what the graphics readers walk", () => {
  const list = {
    fnArray: [OPS.save, OPS.beginAnnotation, OPS.constructPath, OPS.endAnnotation, OPS.restore],
    argsArray: [null, ["id"], ["path"], null, null],
  };
  assert.deepEqual(withoutAnnotations(list), {
    fnArray: [OPS.save, OPS.restore],
    argsArray: [null, null],
  });
  const plain = { fnArray: [OPS.save, OPS.restore], argsArray: [null, null] };
  assert.equal(withoutAnnotations(plain), plain);
});

it("clips an image's box to the clipping path and the form bounding box in force", () => {
  // A 40 × 40 pt image at (10, 10) in user space, clipped by a rectangle to x ≤ 30 and later by a form
  // whose /BBox ends at y = 35; the clip is undone by restore.
  const clipRectangle = new Float32Array([0, 0, 0, 1, 30, 0, 1, 30, 100, 1, 0, 100, 4]);
  const graphics = pageGraphics(
    {
      fnArray: [
        OPS.save,
        OPS.clip,
        OPS.constructPath,
        OPS.transform,
        OPS.paintImageXObject,
        OPS.restore,
        OPS.paintFormXObjectBegin,
        OPS.transform,
        OPS.paintImageXObject,
        OPS.paintFormXObjectEnd,
        OPS.transform,
        OPS.paintImageXObject,
      ],
      argsArray: [
        null,
        null,
        [OPS.endPath, [clipRectangle], null],
        [40, 0, 0, 40, 10, 10],
        ["img_1", 1, 1],
        null,
        [
          [1, 0, 0, 1, 0, 0],
          [0, 0, 100, 35],
        ],
        [40, 0, 0, 40, 10, 10],
        ["img_1", 1, 1],
        null,
        [40, 0, 0, 40, 10, 10],
        ["img_1", 1, 1],
      ],
    },
    FLIP,
  );
  assert.deepEqual(graphics.images, [
    { left: 10, top: 50, right: 30, bottom: 90 },
    { left: 10, top: 65, right: 50, bottom: 90 },
    { left: 10, top: 50, right: 50, bottom: 90 },
  ]);
});
