import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { OPS } from "pdfjs-dist/legacy/build/pdf.mjs";
import type { Box } from "../document/box.ts";
import { corpusFile } from "../test-support/pdf-fixtures.ts";
import type { Matrix } from "./matrix.ts";
import { mergeRulings } from "./merge-rulings.ts";
import { openPdf } from "./open-pdf.ts";
import type { PdfOperatorList } from "./operator-list.ts";
import { rulingSegments } from "./vector-paths.ts";

// pdf.js's viewport at scale 1 for an upright 612 × 792 page: y flips, the origin moves to the top.
const VIEWPORT: Matrix = [1, 0, 0, -1, 0, 792];
const MOVE = 0;
const LINE = 1;
const CURVE = 2;
const CLOSE = 4;

/** An operator list built from [op, args] pairs, as pdf.js hands it over. */
function list(...ops: [number, unknown[] | null][]): PdfOperatorList {
  return { fnArray: ops.map(([fn]) => fn), argsArray: ops.map(([, args]) => args) };
}

function path(paint: number, ...buffer: number[]): [number, unknown[]] {
  return [OPS.constructPath, [paint, [new Float32Array(buffer)], null]];
}

describe("rulingSegments", () => {
  it("carries paths inside a form XObject through its matrix, which pdf.js passes as a Float32Array", () => {
    const segments = rulingSegments(
      list(
        [OPS.paintFormXObjectBegin, [new Float32Array([1, 0, 0, 1, 100, 50]), null]],
        path(OPS.stroke, MOVE, 0, 0, LINE, 200, 0),
        [OPS.paintFormXObjectEnd, null],
        path(OPS.stroke, MOVE, 0, 0, LINE, 200, 0),
      ),
      VIEWPORT,
    );
    assert.deepEqual(segments, [
      { orientation: "horizontal", position: 742, start: 100, end: 300 },
      { orientation: "horizontal", position: 792, start: 0, end: 200 },
    ]);
  });

  it("turns stroked lines into horizontal and vertical segments in page points, top-left origin", () => {
    const segments = rulingSegments(
      list(
        path(
          OPS.stroke,
          MOVE,
          72,
          700,
          LINE,
          540,
          700,
          MOVE,
          100,
          720,
          LINE,
          100,
          600,
          MOVE,
          0,
          0,
          LINE,
          50,
          50,
        ),
      ),
      VIEWPORT,
    );
    assert.deepEqual(segments, [
      { orientation: "horizontal", position: 92, start: 72, end: 540 },
      { orientation: "vertical", position: 100, start: 72, end: 192 },
    ]);
  });

  it("follows the CTM through save, transform and restore, and through form XObjects", () => {
    const segments = rulingSegments(
      list(
        [OPS.save, null],
        [OPS.transform, [2, 0, 0, 2, 10, 20]],
        path(OPS.stroke, MOVE, 0, 0, LINE, 10, 0),
        [OPS.restore, null],
        [
          OPS.paintFormXObjectBegin,
          [
            [1, 0, 0, 1, 100, 0],
            [0, 0, 50, 50],
          ],
        ],
        path(OPS.stroke, MOVE, 0, 100, LINE, 0, 150),
        [OPS.paintFormXObjectEnd, null],
        path(OPS.stroke, MOVE, 0, 100, LINE, 30, 100),
      ),
      VIEWPORT,
    );
    assert.deepEqual(segments, [
      { orientation: "horizontal", position: 772, start: 10, end: 30 },
      { orientation: "vertical", position: 100, start: 642, end: 692 },
      { orientation: "horizontal", position: 692, start: 0, end: 30 },
    ]);
  });

  it("gives the four sides of a stroked rectangle and keeps the straight sides of rounded ones", () => {
    const box = rulingSegments(
      list(path(OPS.stroke, MOVE, 0, 0, LINE, 100, 0, LINE, 100, 50, LINE, 0, 50, CLOSE)),
      VIEWPORT,
    );
    assert.equal(box.filter((segment) => segment.orientation === "horizontal").length, 2);
    assert.equal(box.filter((segment) => segment.orientation === "vertical").length, 2);
    const rounded = rulingSegments(
      list(path(OPS.stroke, MOVE, 10, 0, LINE, 90, 0, CURVE, 95, 0, 100, 5, 100, 10, LINE, 100, 40)),
      VIEWPORT,
    );
    assert.deepEqual(
      rounded.map((segment) => segment.orientation),
      ["horizontal", "vertical"],
    );
  });

  it("reads hairline filled rectangles as rules, but not shaded areas or white paint", () => {
    const segments = rulingSegments(
      list(
        path(OPS.fill, MOVE, 72, 500, LINE, 540, 500, LINE, 540, 500.5, LINE, 72, 500.5, CLOSE),
        path(OPS.fill, MOVE, 72, 400, LINE, 540, 400, LINE, 540, 450, LINE, 72, 450, CLOSE),
        [OPS.setStrokeRGBColor, ["#ffffff"]],
        path(OPS.stroke, MOVE, 72, 300, LINE, 540, 300),
        [OPS.setStrokeRGBColor, ["#1f1f1f"]],
        path(OPS.stroke, MOVE, 72, 200, LINE, 540, 200),
        path(OPS.endPath, MOVE, 72, 100, LINE, 540, 100),
      ),
      VIEWPORT,
    );
    assert.deepEqual(
      segments.map((segment) => [segment.orientation, segment.position]),
      [
        ["horizontal", 291.75],
        ["horizontal", 592],
      ],
    );
  });

  it("hands filled areas thicker than a rule over as shades, in a visible colour only", () => {
    const shades: Box[] = [];
    const segments = rulingSegments(
      list(
        [OPS.setFillRGBColor, ["#d9d9d9"]],
        path(OPS.fill, MOVE, 72, 700, LINE, 372, 700, LINE, 372, 718, LINE, 72, 718, CLOSE),
        path(OPS.fill, MOVE, 72, 500, LINE, 540, 500, LINE, 540, 500.5, LINE, 72, 500.5, CLOSE),
        [OPS.setFillRGBColor, ["#ffffff"]],
        path(OPS.fill, MOVE, 0, 0, LINE, 612, 0, LINE, 612, 792, LINE, 0, 792, CLOSE),
      ),
      VIEWPORT,
      shades,
    );
    assert.deepEqual(shades, [{ left: 72, top: 74, right: 372, bottom: 92 }]);
    assert.deepEqual(
      segments.map((segment) => [segment.orientation, segment.position]),
      [["horizontal", 291.75]],
    );
  });
});

describe("mergeRulings", () => {
  it("joins pieces of one line (dashes, per-cell borders, doubled strokes) and drops specks", () => {
    const merged = mergeRulings([
      { orientation: "horizontal", position: 100, start: 10, end: 50 },
      { orientation: "horizontal", position: 100.4, start: 52, end: 90 },
      { orientation: "horizontal", position: 100, start: 200, end: 300 },
      { orientation: "horizontal", position: 140, start: 10, end: 12 },
      { orientation: "vertical", position: 10, start: 100, end: 140 },
    ]);
    assert.equal(merged.length, 3);
    assert.deepEqual(
      merged.map((ruling) => [ruling.orientation, ruling.start, ruling.end]),
      [
        ["horizontal", 10, 90],
        ["horizontal", 200, 300],
        ["vertical", 100, 140],
      ],
    );
    assert.ok(Math.abs(merged[0]!.position - 100.19) < 0.01);
  });
});

describe("page rulings from a corpus PDF", () => {
  it("reads the borders of camelot's column_span_2 table, row and column lines included", async () => {
    const opened = await openPdf(corpusFile("camelot-tables/pdfs/column_span_2.pdf"), { maxPages: 10 });
    assert.ok(opened.ok);
    try {
      const page = await opened.source.readPage(1);
      const rulings = page.rulings ?? [];
      const horizontals = rulings.filter((ruling) => ruling.orientation === "horizontal");
      const verticals = rulings.filter((ruling) => ruling.orientation === "vertical");
      // The frame's top and bottom borders run the table's width, about 79.5 → 532.5 pt.
      const top = horizontals.find((ruling) => Math.abs(ruling.position - 91) < 1);
      assert.ok(top !== undefined && top.start < 80 && top.end > 532);
      assert.ok(horizontals.length >= 12, `${horizontals.length} horizontal rulings`);
      assert.ok(
        verticals.some((ruling) => Math.abs(ruling.position - 79.5) < 1 && ruling.end - ruling.start > 240),
      );
      for (const ruling of rulings)
        assert.ok(ruling.start >= 0 && ruling.end <= 792 && ruling.start < ruling.end);
    } finally {
      await opened.source.close();
    }
  });
});
