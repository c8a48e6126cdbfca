/**
 * The formulas stage's work on one page: display formulas found among the text blocks
 * (detect-formulas.ts) become `formula` blocks with LaTeX read from their glyphs' geometry
 * (formula-latex.ts), each in the place of the first block it took. Runs after layout/ and before
 * tables/, which would otherwise read an equation's scattered rows as a table.
 */
import type { Block } from "../document/block.ts";
import type { Page } from "../document/page.ts";
import type { Word } from "../document/word.ts";
import { detectFormulas, type FormulaRegion } from "./detect-formulas.ts";
import { formulaLatex } from "./formula-latex.ts";

/** Updates `page.blocks`; returns the formula blocks made. */
export function formulaPage(page: Page): Block[] {
  if (page.words.length === 0) return [];
  const regions = detectFormulas(page.blocks, page.rulings ?? []);
  if (regions.length === 0) return [];
  const regionOf = new Map<Block, FormulaRegion>();
  for (const region of regions) for (const block of region.blocks) regionOf.set(block, region);
  const made: Block[] = [];
  const placed: Block[] = [];
  const done = new Set<FormulaRegion>();
  for (const block of page.blocks) {
    const region = regionOf.get(block);
    if (region === undefined) {
      placed.push(block);
      continue;
    }
    if (done.has(region)) continue;
    done.add(region);
    const formula = formulaBlock(region);
    made.push(formula);
    placed.push(formula);
  }
  page.blocks = placed;
  return made;
}

function formulaBlock(region: FormulaRegion): Block {
  const lines = region.blocks.flatMap((block) => block.lines);
  const words = lines.flatMap((line) => line.words);
  return {
    type: "formula",
    text: lines.map((line) => line.text).join(" "),
    box: region.box,
    lines,
    formula: {
      latex: region.rows === undefined ? formulaLatex(words, region.rulings) : gathered(region.rows),
    },
  };
}

/** A formula set on several rows: one row of LaTeX each, centred under one another as the page sets them. */
function gathered(rows: readonly (readonly Word[])[]): string {
  return `\\begin{gathered} ${rows.map((row) => formulaLatex(row, [])).join(" \\\\ ")} \\end{gathered}`;
}
