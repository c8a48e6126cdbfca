/**
 * Formulas end to end on real glyph geometry: a pdf-lib page drawing display formulas in the Symbol and
 * Times fonts (superscript, subscript, fraction bar, radical with overbar, equation number), the docling
 * test PDF typeset by TeX (CMMI/CMR) and a TeX-typeset arXiv page (PazoMath, CMSY, CMEX) come out as
 * formula blocks whose LaTeX is read from the glyphs; prose around them stays text; the option
 * blockOptions.formulas.enabled = false leaves them as text.
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { Extend } from "extend-ai";
import { parseDocument } from "../pipeline/parse-document.ts";
import type { ParseOptions, ParseOutcome } from "../pipeline/parse-outcome.ts";
import { formulaPdf, twoColumnFormulaPdf } from "../test-support/formula-fixtures.ts";
import { corpusFile } from "../test-support/pdf-fixtures.ts";

const PDF: ParseOptions = { format: "pdf", maxPages: 5, chunking: "page" };

function output(outcome: ParseOutcome): Extend.ParseRunOutput {
  assert.notEqual(outcome.status, "failure");
  if (outcome.status === "failure") throw new Error("parse failed");
  return outcome.output;
}

function formulas(outcome: ParseOutcome): Extend.Block[] {
  return output(outcome)
    .chunks.flatMap((chunk) => chunk.blocks)
    .filter((block) => block.type === "formula");
}

function latexOf(block: Extend.Block): string {
  assert.equal(block.details.type, "formula_details");
  return (block.details as Extend.FormulaDetails).latex ?? "";
}

describe("formulas in a PDF drawn glyph by glyph", () => {
  it("reads scripts, fractions, a radical, an integral, the equation number and stacked rows into LaTeX", async () => {
    const outcome = await parseDocument(await formulaPdf(), PDF);
    const found = formulas(outcome);
    assert.deepEqual(found.map(latexOf), [
      "E = \\alpha^{2} + \\beta_{i} \\leq \\frac{\\pi}{2} \\tag{3}",
      "x = \\sqrt{y + 1}",
      "\\begin{gathered} \\mu \\geq 0 \\\\ \\sigma^{2} = \\nu + 1 \\end{gathered}",
      "\\int_{0}^{1} x^{n} dx = \\frac{1}{n + 1}",
    ]);
    // Markdown content is display math; the box is in page points (top-left origin) around the glyphs:
    // "E" starts at x 220, the number "(3)" ends near x 535, the baseline is 792 - 660 = 132.
    const [first] = found;
    assert.equal(first!.content, "$$ E = \\alpha^{2} + \\beta_{i} \\leq \\frac{\\pi}{2} \\tag{3} $$");
    const box = first!.boundingBox;
    assert.ok(Math.abs(box.left! - 220) < 1 && box.right! > 525 && box.right! < 540, JSON.stringify(box));
    assert.ok(box.top! < 132 - 9 && box.bottom! > 132 + 2 && box.bottom! < 145, JSON.stringify(box));
    assert.deepEqual(first!.polygon, [
      { x: box.left, y: box.top },
      { x: box.right, y: box.top },
      { x: box.right, y: box.bottom },
      { x: box.left, y: box.bottom },
    ]);
    // The prose around the formulas stays text, in reading order around them.
    const page = output(outcome).chunks[0]!;
    assert.deepEqual(
      page.blocks.map((block) => block.type),
      ["text", "formula", "text", "formula", "text", "formula", "text"],
    );
    assert.match(page.content, /tested:\n\n\$\$ E = /u);
  });

  it("finds a numbered formula in the left column of a two-column page", async () => {
    const outcome = await parseDocument(await twoColumnFormulaPdf(), PDF);
    assert.deepEqual(formulas(outcome).map(latexOf), ["y = \\alpha x + \\beta \\tag{1}"]);
  });

  it("leaves formulas as text when blockOptions.formulas.enabled is false", async () => {
    const outcome = await parseDocument(await formulaPdf(), {
      ...PDF,
      config: { blockOptions: { formulas: { enabled: false } } },
    });
    assert.equal(formulas(outcome).length, 0);
    const content = output(outcome).chunks[0]!.content;
    assert.match(content, /α/u);
    assert.doesNotMatch(content, /\$\$/u);
  });
});

describe("formulas in TeX-typeset PDFs", () => {
  it("finds the one display formula of docling's code_and_formula test PDF, where docling boxes it", async () => {
    const outcome = await parseDocument(
      corpusFile("docling-groundtruth/pdf/sources/code_and_formula.pdf"),
      PDF,
    );
    const found = formulas(outcome);
    assert.deepEqual(found.map(latexOf), ["a^{2} + 8 = 12"]);
    assert.equal(found[0]!.metadata.page?.number, 2);
    // docling's ground truth box (bottom-left origin, page height 841.89): l 280.55, t 478.99, r 330.7, b 468.21.
    const box = found[0]!.boundingBox;
    const expected = { left: 280.55, top: 841.89 - 478.99, right: 330.7, bottom: 841.89 - 468.21 };
    for (const edge of ["left", "top", "right", "bottom"] as const)
      assert.ok(Math.abs(box[edge]! - expected[edge]) < 2, `${edge}: ${box[edge]} vs ${expected[edge]}`);
  });

  it("reads big operators with limits, stacked scripts and TeX's extension-font brackets", async () => {
    // Page 1 of this packet is a page of an arXiv paper (math_2503_04086) with two display equations.
    const outcome = await parseDocument(corpusFile("split-classify-packets/packets/packet_04.pdf"), {
      ...PDF,
      config: { advancedOptions: { pageRanges: [{ start: 1, end: 1 }] } },
    });
    assert.deepEqual(formulas(outcome).map(latexOf), [
      "\\lambda_{g} = \\sum_{s \\in S} \\zeta_{n}^{\\psi ( gs )} = \\sum_{i = 1}^{k} \\left[ \\sum_{s , Rs = \\mathcal{I}_{i}} \\zeta_{n}^{\\psi ( gs )} \\right] .",
      "\\sum_{s , Rs = \\mathcal{I}_{i}} \\zeta_{n}^{\\psi ( gs )} = \\sum_{u \\in ( R /\\mathrm{Ann}_{R} ( x_{i} ))^{\\times}} \\zeta_{n}^{\\psi ( gux_{i} )} = \\sum_{u \\in ( R /\\mathrm{Ann}_{R} ( x_{i} ))^{\\times}} \\zeta_{n}^{\\psi_{x_{i}} ( gu )} = c ( g , R /\\mathrm{Ann}_{R} ( x_{i} )) .",
    ]);
    // Before formulas were read, the equations' scattered rows came out as tables.
    const types = output(outcome).chunks.flatMap((chunk) => chunk.blocks.map((block) => block.type));
    assert.ok(!types.includes("table"), types.join(","));
  });

  it("keeps inline math and tables of other documents as they were", async () => {
    for (const file of [
      "docling-groundtruth/pdf/sources/redp5110_sampled.pdf",
      "icdar2013-tables/competition-dataset-us/us-024.pdf",
      "forms-acroform/pdf-lib/with_combed_fields.pdf",
    ]) {
      const outcome = await parseDocument(corpusFile(file), { ...PDF, maxPages: 30 });
      assert.deepEqual(formulas(outcome).map(latexOf), [], file);
    }
  });
});
