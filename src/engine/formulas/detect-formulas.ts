/**
 * Finds display formulas among a page's text blocks (after layout/, which splits a display equation into
 * many small blocks: the main row, limit rows, scripts, big delimiters). A block is math when its glyphs
 * are math (math fonts, math Unicode, Greek, sub/superscripts) and it holds almost no prose words;
 * math blocks that touch or stack closely form one formula, which must stand alone on its rows (no prose
 * or table cells beside it) and show real math evidence (a relation, a big operator, a fraction bar or
 * mostly math-font glyphs). An equation number such as "(3)" at the right joins its formula. Inline math
 * inside running text stays with the paragraph.
 */
import type { Block } from "../document/block.ts";
import { type Box, overlapLength, unionBoxes } from "../document/box.ts";
import type { Ruling } from "../document/ruling.ts";
import type { Word } from "../document/word.ts";
import {
  FUNCTION_NAMES,
  glyphLatex,
  isMathCharacter,
  isMathFont,
  isStrongMathCharacter,
} from "./math-glyphs.ts";

export interface FormulaRegion {
  /** The blocks the formula is made of, in page order. */
  readonly blocks: readonly Block[];
  readonly box: Box;
  /** Horizontal rules inside it (fraction bars, radical overbars). */
  readonly rulings: readonly Ruling[];
  /**
   * The words of each row of a formula set on several full-size rows (a gathered or aligned display),
   * top to bottom; absent for a one-row formula.
   */
  readonly rows?: readonly (readonly Word[])[];
}

/** A math block holds at most this share of characters in prose words. */
const MAX_PROSE_SHARE = 0.25;
/** Blocks of one formula stack with vertical gaps of at most this many ems. */
const STACK_GAP_EMS = 0.6;
/** Text within this many ems beside a formula's rows means it is not a display formula. */
const BESIDE_EMS = 3;
/** Lines narrower than this many ems beside a formula are table cells or labels, not a text column. */
const SHORT_LINE_EMS = 10;
/** A paragraph (to compare a formula's indent with) is at least this many ems wide. */
const PARAGRAPH_EMS = 20;
/** A block of at most this many glyphs next to a formula is part of it (a limit, a script). */
const MAX_FRAGMENT_CHARACTERS = 4;
/** A lone glyph (a QED box, a bullet) is not a formula. */
const MIN_CHARACTERS = 3;
/** An equation number block beside a formula joins it (formula-latex.ts makes it a \tag). */
const EQUATION_NUMBER = /^\(\s*\d+(?:\.\d+)*[a-z]?\s*\)$/u;

/** What a set of words shows of math. */
interface MathStatistics {
  /** Holds a relation or big operator (=, ≤, ∈, ∑, ∫, …). */
  readonly relation: boolean;
  /** Holds glyphs only math sets: math-font glyphs, Greek, non-ASCII math symbols. */
  readonly mathGlyphs: boolean;
  /** Holds a variable: a letter, Greek or a math-font glyph. */
  readonly variable: boolean;
}

interface Candidate {
  readonly block: Block;
  /** The size of the block's main glyphs (big operators and delimiters aside). */
  readonly size: number;
  readonly statistics: MathStatistics;
  /** Vertical centres of the block's lines of main-size glyphs. */
  readonly rows: readonly number[];
}

export function detectFormulas(blocks: readonly Block[], rulings: readonly Ruling[]): FormulaRegion[] {
  const candidates: Candidate[] = [];
  const numbers: Block[] = [];
  const fragments: Block[] = [];
  for (const block of blocks) {
    if (block.type !== "text" || block.box === null || !mayBeMath(block)) continue;
    if (EQUATION_NUMBER.test(block.text.trim())) {
      numbers.push(block);
      continue;
    }
    const candidate = mathCandidate(block);
    if (candidate !== undefined) candidates.push(candidate);
    else if (isFragment(block)) fragments.push(block);
  }
  const regions: FormulaRegion[] = [];
  for (const core of stacks(candidates)) {
    const group = withFragments(core, fragments);
    const box = unionBoxes(group.map((candidate) => candidate.block.box!))!;
    const size = Math.max(...group.map((candidate) => candidate.size));
    const inside = rulings.filter(
      (ruling) =>
        ruling.orientation === "horizontal" &&
        ruling.position > box.top - 0.3 * size &&
        ruling.position < box.bottom + 0.3 * size &&
        ruling.start >= box.left - size &&
        ruling.end <= box.right + size &&
        (isBar(ruling, group, size) || isOverbar(ruling, group, size)),
    );
    const members = new Set(group.map((candidate) => candidate.block));
    const number = numbers.find((block) => besideRight(block.box!, box, size));
    const characters = group.reduce(
      (sum, candidate) => sum + candidate.block.text.replace(/\s/gu, "").length,
      0,
    );
    const evidence =
      inside.length > 0
        ? group.some((candidate) => candidate.statistics.variable)
        : isMath(mergeStatistics(group.map((candidate) => candidate.statistics)));
    if (!evidence || characters < MIN_CHARACTERS) continue;
    // Full-size rows stacked without a fraction bar between them are lines of text (a listing, a
    // column of table cells), not one formula.
    // Full-size rows stacked without a fraction bar between them are one formula per row only when every
    // row is math by itself; otherwise they are lines of text (a listing, a column of table cells).
    const centres = inside.length === 0 ? rowCentres(group, size) : [];
    const rows = centres.length > 1 ? splitRows(group, centres) : undefined;
    if (rows !== undefined && !rows.every((row) => isMath(statistics(row)))) continue;
    if (hasTextBeside(blocks, members, number, box, size)) continue;
    if (flushWithParagraph(blocks, members, box, size)) continue;
    const regionBlocks = blocks.filter((block) => members.has(block) || block === number);
    regions.push({
      blocks: regionBlocks,
      box: unionBoxes(regionBlocks.map((block) => block.box!))!,
      rulings: inside,
      ...(rows === undefined ? {} : { rows }),
    });
  }
  return regions;
}

/** List items are not math, except where layout took a variable for a bullet ("u ∈ …" under a ∑). */
function mayBeMath(block: Block): boolean {
  return block.listItem === undefined || /^\p{L}$/u.test(block.listItem.marker);
}

function mathCandidate(block: Block): Candidate | undefined {
  const words = block.lines.flatMap((line) => line.words);
  if (words.length === 0) return undefined;
  let prose = 0;
  let mathCharacters = 0;
  let characters = 0;
  for (const word of words) {
    const mathFont = isMathFont(word.fontName);
    if (!mathFont && isProseWord(word)) prose += word.text.length;
    for (const character of word.text) {
      characters++;
      if (mathFont || isMathCharacter(character)) mathCharacters++;
    }
  }
  if (prose > MAX_PROSE_SHARE * characters) return undefined;
  const scripts = block.lines.some((line) =>
    line.words.some((word) => isScriptOf(word, line.baseline, line.fontSize)),
  );
  if (mathCharacters === 0 && !scripts) return undefined;
  const main = words.filter((word) => !isLargeGlyph(word));
  const size = Math.max(...(main.length > 0 ? main : words).map((word) => word.fontSize));
  const rows = block.lines
    .filter((line) => line.words.some((word) => !isLargeGlyph(word) && word.fontSize >= 0.88 * size))
    .map((line) => (line.box.top + line.box.bottom) / 2);
  return { block, size, statistics: statistics(words), rows };
}

function statistics(words: readonly Word[]): MathStatistics {
  let relation = false;
  let mathGlyphs = false;
  let variable = false;
  for (const word of words) {
    const mathFont = isMathFont(word.fontName);
    for (const character of word.text) {
      if (mathFont || (isMathCharacter(character) && character.charCodeAt(0) > 0x7f)) mathGlyphs = true;
      if (mathFont || /\p{L}/u.test(character)) variable = true;
      if (isStrongMathCharacter(character)) relation = true;
    }
  }
  return { relation, mathGlyphs, variable };
}

function mergeStatistics(all: readonly MathStatistics[]): MathStatistics {
  return {
    relation: all.some((one) => one.relation),
    mathGlyphs: all.some((one) => one.mathGlyphs),
    variable: all.some((one) => one.variable),
  };
}

/** A relation, glyphs only math sets and a variable: "x = α²" is math, "≥ 65" and "A = B" are not. */
function isMath(statistics: MathStatistics): boolean {
  return statistics.relation && statistics.mathGlyphs && statistics.variable;
}

/** Big operators and tall delimiters: set larger than the text around them. */
function isLargeGlyph(word: Word): boolean {
  return /^(?:cmex|txex|pxex)/iu.test(word.fontName ?? "") || /^[∑∏∐∫∬∭∮⋃⋂]$/u.test(word.text);
}

/** Rows of main-size glyphs in a group (centres closer than an em are one row), top to bottom. */
function rowCentres(group: readonly Candidate[], size: number): number[] {
  const centres = group
    .filter((candidate) => candidate.size >= 0.88 * size)
    .flatMap((candidate) => candidate.rows)
    .sort((a, b) => a - b);
  const rows: number[][] = [];
  for (const centre of centres) {
    const last = rows[rows.length - 1];
    if (last !== undefined && centre - last[last.length - 1]! <= size) last.push(centre);
    else rows.push([centre]);
  }
  return rows.map((row) => row.reduce((sum, centre) => sum + centre, 0) / row.length);
}

/** The group's words by nearest row centre (scripts and limits go with the row they hang from). */
function splitRows(group: readonly Candidate[], centres: readonly number[]): Word[][] {
  const rows: Word[][] = centres.map(() => []);
  for (const candidate of group)
    for (const line of candidate.block.lines)
      for (const word of line.words) {
        const centre = (word.box.top + word.box.bottom) / 2;
        let nearest = 0;
        for (let index = 1; index < centres.length; index++)
          if (Math.abs(centres[index]! - centre) < Math.abs(centres[nearest]! - centre)) nearest = index;
        rows[nearest]!.push(word);
      }
  return rows;
}

/**
 * A word of letters (punctuation aside) that is not a function name: two or more letters set upright
 * ("is", "we"), four or more in italics (a product of variables such as "gux" is italic too), three or
 * more when the style is unknown; and identifiers, addresses and URLs with four or more letters.
 */
function isProseWord(word: Word): boolean {
  const match = /^[("'“]*(\p{L}{2,})[)"'”.,;:!?]*$/u.exec(word.text);
  if (match === null)
    return (
      /[\w@]/u.test(word.text) &&
      /[_@]|\p{L}{2,}\.\p{L}/u.test(word.text) &&
      (word.text.match(/\p{L}/gu)?.length ?? 0) >= 4
    );
  if (FUNCTION_NAMES.has(match[1]!)) return false;
  const letters = match[1]!.length;
  return word.italic === true ? letters >= 4 : word.italic === false ? letters >= 2 : letters >= 3;
}

function isScriptOf(word: Word, baseline: number, size: number): boolean {
  return word.fontSize < 0.88 * size && Math.abs(word.baseline.y - baseline) > 0.12 * size;
}

/** Groups candidates whose boxes overlap vertically or stack within a small gap while overlapping across. */
function stacks(candidates: readonly Candidate[]): Candidate[][] {
  const parent = candidates.map((_, index) => index);
  const find = (index: number): number => {
    while (parent[index] !== index) index = parent[index] = parent[parent[index]!]!;
    return index;
  };
  for (let i = 0; i < candidates.length; i++) {
    for (let j = i + 1; j < candidates.length; j++) {
      const a = candidates[i]!;
      const b = candidates[j]!;
      const boxA = a.block.box!;
      const boxB = b.block.box!;
      const size = Math.max(a.size, b.size);
      const vertical = overlapLength(boxA.top, boxA.bottom, boxB.top, boxB.bottom);
      const gap = Math.max(boxA.top - boxB.bottom, boxB.top - boxA.bottom);
      const across = Math.max(boxA.left - boxB.right, boxB.left - boxA.right);
      const sameRows = vertical > 0.3 * Math.min(boxA.bottom - boxA.top, boxB.bottom - boxB.top);
      if ((sameRows && across < 4 * size) || (gap <= STACK_GAP_EMS * size && across < size))
        parent[find(i)] = find(j);
    }
  }
  const groups = new Map<number, Candidate[]>();
  candidates.forEach((candidate, index) => {
    const root = find(index);
    groups.set(root, [...(groups.get(root) ?? []), candidate]);
  });
  return [...groups.values()];
}

function besideRight(number: Box, formula: Box, size: number): boolean {
  const vertical = overlapLength(number.top, number.bottom, formula.top, formula.bottom);
  return (
    vertical > 0.5 * (number.bottom - number.top) &&
    number.left > formula.right &&
    number.left - formula.right < 30 * size
  );
}

/** Another block's line shares the formula's rows within a few ems of it. */
function hasTextBeside(
  blocks: readonly Block[],
  members: ReadonlySet<Block>,
  number: Block | undefined,
  box: Box,
  size: number,
): boolean {
  for (const block of blocks) {
    if (members.has(block) || block === number || block.box === null) continue;
    for (const line of block.lines) {
      const height = line.box.bottom - line.box.top;
      if (overlapLength(line.box.top, line.box.bottom, box.top, box.bottom) <= 0.5 * height) continue;
      const across = Math.max(box.left - line.box.right, line.box.left - box.right);
      if (across < BESIDE_EMS * size) return true;
      // Short text on the same rows further off is a table cell; long lines are another text column.
      if (line.box.right - line.box.left < SHORT_LINE_EMS * size) return true;
    }
  }
  return false;
}

/**
 * Display formulas are set centred or indented: a "formula" that starts at the left edge of the
 * paragraph next to it, off centre, is a line of text (a table note, a statistics line).
 */
function flushWithParagraph(
  blocks: readonly Block[],
  members: ReadonlySet<Block>,
  box: Box,
  size: number,
): boolean {
  let nearest: Block | undefined;
  let nearestDistance = Number.POSITIVE_INFINITY;
  for (const block of blocks) {
    if (members.has(block) || block.box === null || block.type !== "text") continue;
    if (block.box.right - block.box.left < PARAGRAPH_EMS * size) continue;
    if (overlapLength(block.box.left, block.box.right, box.left, box.right) <= 0) continue;
    const distance = Math.max(block.box.top - box.bottom, box.top - block.box.bottom);
    if (distance >= 0 && distance < nearestDistance) {
      nearest = block;
      nearestDistance = distance;
    }
  }
  if (nearest?.box == null || nearestDistance > 4 * size) return false;
  const flush = Math.abs(box.left - nearest.box.left) < 0.5 * size;
  const centred =
    Math.abs((box.left + box.right) / 2 - (nearest.box.left + nearest.box.right) / 2) < 2 * size;
  return flush && !centred;
}

/** A fraction bar: glyphs of the group right above it and right below it, within its span. */
function isBar(ruling: Ruling, group: readonly Candidate[], size: number): boolean {
  let above = false;
  let below = false;
  for (const candidate of group)
    for (const line of candidate.block.lines)
      for (const word of line.words) {
        const x = (word.box.left + word.box.right) / 2;
        if (x < ruling.start - 1 || x > ruling.end + 1) continue;
        if (word.box.bottom <= ruling.position + 0.3 * size && word.box.bottom > ruling.position - size)
          above = true;
        if (word.box.top >= ruling.position - 0.3 * size && word.box.top < ruling.position + size)
          below = true;
      }
  return above && below;
}

/** A radical's overbar: it starts where a √ glyph of the group ends. */
function isOverbar(ruling: Ruling, group: readonly Candidate[], size: number): boolean {
  return group.some((candidate) =>
    candidate.block.lines.some((line) =>
      line.words.some(
        (word) =>
          glyphLatex(Array.from(word.text).at(-1) ?? "", word.fontName) === "\\sqrt" &&
          Math.abs(word.box.right - ruling.start) <= 0.5 * size,
      ),
    ),
  );
}

/** A few glyphs on their own (a limit "0", a script "n") that show no math by themselves. */
function isFragment(block: Block): boolean {
  const text = block.text.replace(/\s/gu, "");
  return text.length > 0 && text.length <= MAX_FRAGMENT_CHARACTERS && !/\p{L}{3}/u.test(text);
}

/** The group with the fragments that touch it (within half an em), as candidates of their own. */
function withFragments(group: readonly Candidate[], fragments: readonly Block[]): Candidate[] {
  const box = unionBoxes(group.map((candidate) => candidate.block.box!))!;
  const margin = 0.5 * Math.max(...group.map((candidate) => candidate.size));
  const touching = fragments.filter(
    (block) =>
      block.box!.left < box.right + margin &&
      block.box!.right > box.left - margin &&
      block.box!.top < box.bottom + margin &&
      block.box!.bottom > box.top - margin,
  );
  const words = (block: Block) => block.lines.flatMap((line) => line.words);
  return [
    ...group,
    ...touching.map((block) => ({
      block,
      size: Math.max(...words(block).map((word) => word.fontSize)),
      statistics: statistics(words(block)),
      rows: [],
    })),
  ];
}
