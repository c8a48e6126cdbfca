/** Glyph → LaTeX: Unicode math, TeX font encodings (CMEX codes, CMSY/MSBM capitals), math fonts. */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { glyphLatex, isMathCharacter, isMathFont } from "./math-glyphs.ts";

describe("glyphLatex", () => {
  it("maps Greek, operators, relations and arrows to commands", () => {
    assert.deepEqual(
      ["α", "Ω", "∑", "∫", "≤", "≠", "∈", "→", "∞", "×", "−"].map((character) => glyphLatex(character)),
      [
        "\\alpha",
        "\\Omega",
        "\\sum",
        "\\int",
        "\\leq",
        "\\neq",
        "\\in",
        "\\rightarrow",
        "\\infty",
        "\\times",
        "-",
      ],
    );
  });

  it("reads TeX's extension font by code and its calligraphic and blackboard capitals", () => {
    assert.equal(glyphLatex('"', "CMEX10"), "[");
    assert.equal(glyphLatex("#", "CMEX10"), "]");
    assert.equal(glyphLatex("X", "CMEX10"), "\\sum");
    assert.equal(glyphLatex("p", "CMEX10"), "\\sqrt");
    assert.equal(glyphLatex('"', "CMR10"), '"');
    assert.equal(glyphLatex("I", "CMSY10"), "\\mathcal{I}");
    assert.equal(glyphLatex("R", "MSBM10"), "\\mathbb{R}");
    assert.equal(glyphLatex("I", "CMR10"), "I");
  });

  it("maps the Mathematical Alphanumeric Symbols block to styled letters", () => {
    assert.equal(glyphLatex("𝐱"), "\\mathbf{x}");
    assert.equal(glyphLatex("𝑥"), "x");
    assert.equal(glyphLatex("ℝ"), "\\mathbb{R}");
    assert.equal(glyphLatex("𝔽"), "\\mathbb{F}");
  });
});

describe("math evidence", () => {
  it("knows math fonts by their PostScript names", () => {
    for (const name of [
      "CMMI10",
      "CMSY7",
      "CMEX10",
      "MSBM10",
      "SymbolMT",
      "CambriaMath",
      "STIXTwoMath-Regular",
      "PazoMath-Italic",
    ])
      assert.ok(isMathFont(name), name);
    for (const name of ["CMR10", "TimesNewRomanPSMT", "Helvetica", undefined])
      assert.ok(!isMathFont(name), name);
  });

  it("counts math Unicode and Greek, not letters and digits", () => {
    assert.ok(["∀", "β", "≥", "𝑥", "="].every(isMathCharacter));
    assert.ok(!["a", "7", ",", "("].some(isMathCharacter));
  });
});
