/**
 * Checkboxes on a page: ballot-box glyphs (☐ ☑ ☒, check marks before a label) and small drawn squares
 * (a stroked rectangle or four rulings) become "[x]" / "[ ]" words in place, so lines read "[x] label".
 */
import { type Box, boxHeight, boxWidth, overlapLength } from "../document/box.ts";
import type { VectorPath } from "../document/graphics.ts";
import type { Ruling } from "../document/ruling.ts";
import type { Word } from "../document/word.ts";

export interface CheckboxVectors {
  readonly paths: readonly VectorPath[];
  readonly rulings: readonly Ruling[];
}

export interface CheckboxResult {
  /** The page's words with checkbox glyphs replaced and drawn checkboxes added as "[x]" / "[ ]" words. */
  readonly words: Word[];
  /** The rulings without the edges of drawn checkboxes (which are not table borders). */
  readonly rulings: readonly Ruling[];
  readonly checkboxes: number;
}

export const CHECKED = "[x]";
export const UNCHECKED = "[ ]";

/** A drawn square this big (points on a side) can be a checkbox. */
const MIN_SIDE = 6;
const MAX_SIDE = 16;
/** Width and height may differ by this share of the larger. */
const MAX_ASPECT_DIFFERENCE = 0.25;
/** Edges within this many points count as the same (rulings of one square, marks inside it). */
const EDGE_TOLERANCE = 1.5;
/** A label lies within this many square sides beside the box. */
const LABEL_REACH = 3;
/** A dark fill inside the square must cover this share of it to be a tick (not a speck). */
const MIN_FILL_SHARE = 0.15;
/** A check mark glyph must have a label within this many ems after it to count as a checkbox. */
const MARK_LABEL_GAP_EMS = 2;

/** Glyphs that are boxes by themselves, with their state (Wingdings codes as pdf.js maps them to U+F0xx). */
const BOX_GLYPHS: ReadonlyMap<string, boolean> = new Map([
  ["☐", false],
  ["☑", true],
  ["☒", true],
  ["\uF0A8", false],
  ["\uF06F", false],
  ["\uF0FE", true],
  ["\uF0FD", true],
  ["\uF078", true],
]);
/** Marks that mean "checked" on their own only when a label follows them. */
const MARK_GLYPHS: ReadonlySet<string> = new Set(["✓", "✔", "✗", "✘", "\uF0FC", "\uF0FB"]);
/** Text drawn inside a square that ticks it. */
const TICK_TEXT = /^(?:[xX✓✔✗✘■●☒☑]|\p{Co})$/u;

interface Square {
  readonly box: Box;
  /** Rulings that draw it (for ruling-built squares), left out of the table rulings. */
  readonly rulings: readonly Ruling[];
}

export function markCheckboxes(words: readonly Word[], vectors?: CheckboxVectors): CheckboxResult {
  const glyphs = replaceGlyphs(words);
  let result = glyphs.words;
  let count = glyphs.count;
  let rulings = vectors?.rulings ?? [];
  if (vectors !== undefined) {
    const squares = findSquares(vectors);
    const consumed = new Set<Word>();
    const added: Word[] = [];
    const used = new Set<Ruling>();
    for (const square of squares) {
      const inside = result.filter((word) => contains(square.box, word.box));
      // A square with ordinary text in it is a small table cell or a comb field, not a checkbox.
      if (inside.some((word) => !TICK_TEXT.test(word.text) && !isCheckboxText(word.text))) continue;
      const label = nearestLabel(square.box, result, inside);
      if (label === undefined) continue;
      const checked =
        inside.some((word) => word.text !== UNCHECKED) || markedByPaths(square.box, vectors.paths);
      for (const word of inside) consumed.add(word);
      for (const ruling of square.rulings) used.add(ruling);
      for (const ruling of rulings) if (onEdge(ruling, square.box)) used.add(ruling);
      added.push(checkboxWord(checked, square.box, label));
      count++;
    }
    if (added.length > 0) result = [...result.filter((word) => !consumed.has(word)), ...added];
    if (used.size > 0) rulings = rulings.filter((ruling) => !used.has(ruling));
  }
  return { words: result, rulings, checkboxes: count };
}

function isCheckboxText(text: string): boolean {
  return text === CHECKED || text === UNCHECKED;
}

/** Ballot-box glyphs become checkbox words; a box glyph glued to its label ("☐Yes") is split off. */
function replaceGlyphs(words: readonly Word[]): { words: Word[]; count: number } {
  let count = 0;
  const out: Word[] = [];
  for (const word of words) {
    const first = String.fromCodePoint(word.text.codePointAt(0) ?? 0);
    const boxState = BOX_GLYPHS.get(first);
    const isMark = MARK_GLYPHS.has(first);
    if (boxState === undefined && !isMark) {
      out.push(word);
      continue;
    }
    const rest = word.text.slice(first.length);
    if (rest === "") {
      if (isMark && !hasLabelAfter(word, words)) {
        out.push(word);
        continue;
      }
      out.push({ ...word, text: boxState === false ? UNCHECKED : CHECKED });
      count++;
      continue;
    }
    if (word.angle !== 0 || word.direction === "rtl") {
      out.push(word);
      continue;
    }
    // Split the glyph's share of the box off; the checkbox keeps half of it so a space separates the two.
    const share = boxWidth(word.box) / [...word.text].length;
    out.push({
      ...word,
      text: boxState === false ? UNCHECKED : CHECKED,
      box: { ...word.box, right: word.box.left + share / 2 },
    });
    out.push({
      ...word,
      text: rest,
      box: { ...word.box, left: word.box.left + share },
      baseline: { x: word.baseline.x + share, y: word.baseline.y },
    });
    count++;
  }
  return { words: out, count };
}

function hasLabelAfter(mark: Word, words: readonly Word[]): boolean {
  const reach = MARK_LABEL_GAP_EMS * mark.fontSize;
  return words.some(
    (word) =>
      word !== mark &&
      sameRow(word.box, mark.box) &&
      (mark.direction === "rtl"
        ? word.box.right <= mark.box.left + EDGE_TOLERANCE && mark.box.left - word.box.right <= reach
        : word.box.left >= mark.box.right - EDGE_TOLERANCE && word.box.left - mark.box.right <= reach),
  );
}

/** Outlined squares: stroked rectangles, and four rulings that close a square. */
function findSquares(vectors: CheckboxVectors): Square[] {
  const squares: Square[] = [];
  for (const path of vectors.paths)
    if (path.stroked && path.freeform === 0 && path.segments >= 4 && path.segments <= 5 && isSquare(path.box))
      if (!squares.some((square) => sameBox(square.box, path.box)))
        squares.push({ box: path.box, rulings: [] });
  const horizontals = vectors.rulings.filter(
    (ruling) => ruling.orientation === "horizontal" && isSide(ruling.end - ruling.start),
  );
  const verticals = vectors.rulings.filter(
    (ruling) => ruling.orientation === "vertical" && isSide(ruling.end - ruling.start),
  );
  for (const top of horizontals)
    for (const bottom of horizontals) {
      if (bottom.position <= top.position || !near(top.start, bottom.start) || !near(top.end, bottom.end))
        continue;
      const box = { left: top.start, top: top.position, right: top.end, bottom: bottom.position };
      if (!isSquare(box)) continue;
      const side = (x: number): Ruling | undefined =>
        verticals.find(
          (ruling) => near(ruling.position, x) && near(ruling.start, box.top) && near(ruling.end, box.bottom),
        );
      const left = side(box.left);
      const right = side(box.right);
      if (left === undefined || right === undefined) continue;
      if (!squares.some((square) => sameBox(square.box, box)))
        squares.push({ box, rulings: [top, bottom, left, right] });
    }
  // Squares that touch each other are a comb field (one character per cell) or a grid, not checkboxes;
  // a square standing on a longer line is a bar on a chart's axis.
  return squares.filter(
    (square) =>
      !squares.some(
        (other) => other !== square && !sameBox(other.box, square.box) && touches(other.box, square.box),
      ) && !onLongerLine(square.box, vectors),
  );
}

/** An edge of the square lies on a line (ruling or stroked segment) reaching a side's length past it. */
function onLongerLine(box: Box, vectors: CheckboxVectors): boolean {
  const reach = Math.max(boxWidth(box), boxHeight(box));
  const lines: Ruling[] = [...vectors.rulings];
  for (const path of vectors.paths) {
    if (!path.stroked || path.segments !== 1) continue;
    if (boxWidth(path.box) <= EDGE_TOLERANCE)
      lines.push({
        orientation: "vertical",
        position: path.box.left,
        start: path.box.top,
        end: path.box.bottom,
      });
    else if (boxHeight(path.box) <= EDGE_TOLERANCE)
      lines.push({
        orientation: "horizontal",
        position: path.box.top,
        start: path.box.left,
        end: path.box.right,
      });
  }
  return lines.some((line) => {
    const [low, high, edges] =
      line.orientation === "vertical"
        ? [box.top, box.bottom, [box.left, box.right]]
        : [box.left, box.right, [box.top, box.bottom]];
    if (!edges.some((edge) => near(line.position, edge))) return false;
    if (line.start > high || line.end < low) return false;
    return low - line.start > reach || line.end - high > reach;
  });
}

function isSide(length: number): boolean {
  return length >= MIN_SIDE && length <= MAX_SIDE;
}

function isSquare(box: Box): boolean {
  const width = boxWidth(box);
  const height = boxHeight(box);
  return (
    isSide(width) &&
    isSide(height) &&
    Math.abs(width - height) <= MAX_ASPECT_DIFFERENCE * Math.max(width, height)
  );
}

function near(a: number, b: number): boolean {
  return Math.abs(a - b) <= EDGE_TOLERANCE;
}

function sameBox(a: Box, b: Box): boolean {
  return near(a.left, b.left) && near(a.top, b.top) && near(a.right, b.right) && near(a.bottom, b.bottom);
}

function touches(a: Box, b: Box): boolean {
  return (
    a.left <= b.right + EDGE_TOLERANCE &&
    b.left <= a.right + EDGE_TOLERANCE &&
    a.top <= b.bottom + EDGE_TOLERANCE &&
    b.top <= a.bottom + EDGE_TOLERANCE
  );
}

function contains(outer: Box, inner: Box): boolean {
  // Glyph boxes run from descent to ascent, so a tick glyph may reach past the square a little.
  const cx = (inner.left + inner.right) / 2;
  const cy = (inner.top + inner.bottom) / 2;
  return (
    cx > outer.left &&
    cx < outer.right &&
    cy > outer.top &&
    cy < outer.bottom &&
    boxWidth(inner) <= boxWidth(outer) + 2
  );
}

function sameRow(a: Box, b: Box): boolean {
  const shorter = Math.min(boxHeight(a), boxHeight(b));
  return shorter > 0 && overlapLength(a.top, a.bottom, b.top, b.bottom) >= 0.5 * shorter;
}

/** The closest word beside the square on its row (either side), not one drawn inside it. */
export function nearestLabel(square: Box, words: readonly Word[], inside: readonly Word[]): Word | undefined {
  const reach = LABEL_REACH * boxWidth(square);
  let best: Word | undefined;
  let bestGap = Number.POSITIVE_INFINITY;
  for (const word of words) {
    if (inside.includes(word) || word.angle !== 0 || isCheckboxText(word.text) || !sameRow(word.box, square))
      continue;
    const gap =
      word.box.left >= square.right - EDGE_TOLERANCE
        ? word.box.left - square.right
        : square.left - word.box.right;
    if (gap < -EDGE_TOLERANCE || gap > reach || gap >= bestGap) continue;
    best = word;
    bestGap = gap;
  }
  return best;
}

/** Ticked by a dark fill inside the outline (or filling it) or by a drawn mark (diagonals, curves). */
function markedByPaths(square: Box, paths: readonly VectorPath[]): boolean {
  const area = boxWidth(square) * boxHeight(square);
  return paths.some((path) => {
    const box = path.box;
    const within =
      box.left >= square.left - EDGE_TOLERANCE &&
      box.right <= square.right + EDGE_TOLERANCE &&
      box.top >= square.top - EDGE_TOLERANCE &&
      box.bottom <= square.bottom + EDGE_TOLERANCE;
    if (!within) return false;
    if (path.darkFill === true && boxWidth(box) * boxHeight(box) >= MIN_FILL_SHARE * area) return true;
    return path.freeform > 0 && Math.max(boxWidth(box), boxHeight(box)) >= 0.4 * boxWidth(square);
  });
}

function onEdge(ruling: Ruling, square: Box): boolean {
  const [across1, across2, from, to] =
    ruling.orientation === "horizontal"
      ? [square.top, square.bottom, square.left, square.right]
      : [square.left, square.right, square.top, square.bottom];
  return (
    (near(ruling.position, across1) || near(ruling.position, across2)) &&
    ruling.start >= from - EDGE_TOLERANCE &&
    ruling.end <= to + EDGE_TOLERANCE
  );
}

/** A checkbox word over the square, set on the label's line so the line builder takes it in. */
export function checkboxWord(checked: boolean, square: Box, label: Word): Word {
  return {
    text: checked ? CHECKED : UNCHECKED,
    box: { left: square.left, top: label.box.top, right: square.right, bottom: label.box.bottom },
    baseline: { x: label.direction === "rtl" ? square.right : square.left, y: label.baseline.y },
    angle: 0,
    fontSize: label.fontSize,
    fontId: label.fontId,
    fontFamily: label.fontFamily,
    direction: label.direction,
  };
}
