import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { OPS } from "pdfjs-dist/legacy/build/pdf.mjs";
import type { Word } from "../document/word.ts";
import { CLOSE_PATH, CURVE_TO, LINE_TO, MOVE_TO } from "./operator-list.ts";
import {
  EMPTY_BOX,
  outlineKind,
  symbolGlyphMeanings,
  TICKED_BOX,
  undecodableGlyphs,
  withSymbolMeanings,
} from "./symbol-glyphs.ts";

/** A closed rectangle contour in glyph units. */
function rect(left: number, top: number, right: number, bottom: number): number[] {
  return [MOVE_TO, left, top, LINE_TO, left, bottom, LINE_TO, right, bottom, LINE_TO, right, top, CLOSE_PATH];
}

const FRAME = [...rect(0.05, 0.05, 0.75, 0.75), ...rect(0.12, 0.12, 0.68, 0.68)];
const TICK = [MOVE_TO, 0.2, 0.4, LINE_TO, 0.35, 0.6, LINE_TO, 0.6, 0.2, LINE_TO, 0.55, 0.18, CLOSE_PATH];

describe("outlineKind", () => {
  it("tells a frame, a ticked frame and a solid square", () => {
    assert.equal(outlineKind(FRAME), "frame");
    assert.equal(outlineKind([...FRAME, ...TICK]), "ticked-frame");
    assert.equal(outlineKind(rect(0.08, 0.07, 0.66, 0.65)), "square");
  });

  it("takes a frame drawn with rounded (curved) corners", () => {
    const rounded = [
      MOVE_TO,
      0.1,
      0.05,
      LINE_TO,
      0.7,
      0.05,
      CURVE_TO,
      0.73,
      0.05,
      0.75,
      0.07,
      0.75,
      0.1,
      LINE_TO,
      0.75,
      0.7,
      CURVE_TO,
      0.75,
      0.73,
      0.73,
      0.75,
      0.7,
      0.75,
      LINE_TO,
      0.1,
      0.75,
      CURVE_TO,
      0.07,
      0.75,
      0.05,
      0.73,
      0.05,
      0.7,
      LINE_TO,
      0.05,
      0.1,
      CURVE_TO,
      0.05,
      0.07,
      0.07,
      0.05,
      0.1,
      0.05,
      CLOSE_PATH,
      ...rect(0.12, 0.12, 0.68, 0.68),
    ];
    assert.equal(outlineKind(rounded), "frame");
  });

  it("leaves dots, small squares, thick rings, shadowed boxes and bars alone", () => {
    const dot = [
      MOVE_TO,
      0.4,
      0.2,
      CURVE_TO,
      0.6,
      0.2,
      0.6,
      0.5,
      0.4,
      0.5,
      CURVE_TO,
      0.2,
      0.5,
      0.2,
      0.2,
      0.4,
      0.2,
      CLOSE_PATH,
    ];
    assert.equal(outlineKind(dot), undefined);
    assert.equal(outlineKind(rect(0.2, 0.2, 0.5, 0.5)), undefined); // a bullet square: 0.3 em
    assert.equal(outlineKind([...rect(0, 0, 0.8, 0.8), ...rect(0.35, 0.35, 0.45, 0.45)]), undefined);
    const shadow = rect(0.75, 0.1, 0.85, 0.85);
    assert.equal(outlineKind([...FRAME, ...shadow]), undefined);
    assert.equal(outlineKind(rect(0, 0.3, 0.9, 0.4)), undefined);
    assert.equal(outlineKind([]), undefined);
  });
});

/** A showText glyph as pdf.js's operator list has it. */
function glyph(unicode: string, fontChar = unicode) {
  return { unicode, fontChar, width: 600, isSpace: false };
}

function list(ops: Array<[number, unknown[]]>) {
  return { fnArray: ops.map(([fn]) => fn), argsArray: ops.map(([, args]) => args) };
}

function store(paths: Record<string, number[]>) {
  return {
    has: (id: string) => id in paths,
    // As pdf.js's PDFObjects: asking for an object it never received throws.
    get: (id: string) => {
      const path = paths[id];
      if (path === undefined) throw new Error(`Requesting object that isn't resolved yet ${id}.`);
      return { path: new Float32Array(path) };
    },
  };
}

function word(text: string, fontId: string): Word {
  return {
    text,
    box: { left: 0, top: 0, right: 10, bottom: 10 },
    baseline: { x: 0, y: 10 },
    angle: 0,
    fontSize: 10,
    fontId,
    fontFamily: "sans-serif",
    direction: "ltr",
  };
}

describe("symbolGlyphMeanings", () => {
  it("reads undecodable glyphs with the fill colour and render mode they are drawn in", () => {
    const uses = undecodableGlyphs(
      list([
        [OPS.setFont, ["f1", 10]],
        [OPS.setFillRGBColor, ["#ffffff"]],
        [OPS.save, []],
        [OPS.setFillRGBColor, ["#1f3b7a"]],
        [OPS.showText, [[glyph("\x84"), glyph("A")]]],
        [OPS.restore, []],
        [OPS.showText, [[glyph("\uF0A8", "\xA8"), glyph("\x84")]]],
        [OPS.setTextRenderingMode, [1]],
        [OPS.showText, [[glyph("\x85")]]],
      ]),
    );
    assert.deepEqual(
      [...(uses.get("f1") ?? [])],
      [
        ["\x84", { fontChar: "\x84", lightFill: false, outlineOnly: false }],
        ["\uF0A8", { fontChar: "\xA8", lightFill: true, outlineOnly: false }],
        ["\x85", { fontChar: "\x85", lightFill: true, outlineOnly: true }],
      ],
    );
  });

  it("gives box glyphs ballot-box characters and leaves bullets as they are", () => {
    const operators = list([
      [OPS.setFont, ["f1", 10]],
      [OPS.showText, [[glyph("\x81"), glyph("\x82"), glyph("\x83")]]],
      [OPS.setFillRGBColor, ["#f8f8f8"]],
      [OPS.showText, [[glyph("\x84")]]],
      [OPS.setFont, ["f2", 10]],
      [OPS.setFillRGBColor, ["#000000"]],
      [OPS.showText, [[glyph("\x84")]]],
    ]);
    const meanings = symbolGlyphMeanings(
      operators,
      store({
        "f1_path_\x81": FRAME,
        "f1_path_\x82": [...FRAME, ...TICK],
        "f1_path_\x83": rect(0.08, 0.07, 0.66, 0.65),
        "f1_path_\x84": rect(0.08, 0.07, 0.66, 0.65),
        "f2_path_\x84": rect(0.08, 0.07, 0.66, 0.65),
      }),
    );
    // A dark solid square is a bullet (f1 \x83, f2 \x84); a light one is an empty box.
    assert.deepEqual(
      [...meanings].map(([font, map]) => [font, [...map]]),
      [
        [
          "f1",
          [
            ["\x81", EMPTY_BOX],
            ["\x82", TICKED_BOX],
            ["\x84", EMPTY_BOX],
          ],
        ],
      ],
    );
    const words = [word("\x81", "f1"), word("\x82", "f1"), word("\x84", "f2"), word("Yes", "f1")];
    assert.deepEqual(
      withSymbolMeanings(words, meanings).map((w) => w.text),
      [EMPTY_BOX, TICKED_BOX, "\x84", "Yes"],
    );
  });

  it("skips glyphs pdf.js has no outline for", () => {
    const operators = list([
      [OPS.setFont, ["t3", 10]],
      [OPS.showText, [[glyph("\x84")]]],
    ]);
    assert.equal(symbolGlyphMeanings(operators, store({})).size, 0);
  });
});
