/**
 * Word edges where their glyphs are drawn. pdf.js gives a text run's start and total width but not
 * where each glyph sits, so text-run-words.ts places the words inside a run by character count, which in
 * a proportional font puts inner word edges points off ("$1,234.00" after "Total amount due:"). The
 * operator-list walk (glyph-sizes.ts) records each glyph's advance on the page (page-glyphs.ts); here the
 * glyphs on a run's baseline inside its extent are matched in order with the run's non-space characters,
 * and each word's left and right edges become those of its first and last glyph. The match must spell
 * the run's text glyph by glyph (a glyph may stand for several characters, a ligature; pdf.js's
 * normalisation and its dropping of invisible format marks are allowed for); otherwise — text drawn twice,
 * glyphs pdf.js reordered or left out — the run keeps its estimate. The vertical extent is unchanged.
 * A space glyph drawn between two words marks the first (Word.spaceAfter): the exact gap may be far
 * narrower than the estimated one was (a space set a tenth of an em wide), and it is still a space.
 */
import type { Word } from "../document/word.ts";
import { SpanIndex } from "./glyph-sizes.ts";
import type { RunWords } from "./overprint-runs.ts";
import type { GlyphGroup, PageGlyphs } from "./page-glyphs.ts";
import type { RunExtent } from "./text-run-words.ts";

/** A glyph belongs to a run when its middle lies inside the run's extent, give or take this share of the em. */
const EDGE_EMS = 0.02;
/** A glyph pdf.js leaves out of the text (U+00AD soft hyphen, zero-width joiners…), as its text extraction does. */
const FORMAT_MARKS = /^\p{Cf}+$/u;

/** The runs with their words' left and right edges at their glyphs, where the glyphs spell the run. */
export function withGlyphPositions(runs: readonly RunWords[], glyphs: PageGlyphs): RunWords[] {
  if (glyphs.groups.length === 0) return [...runs];
  const index = new SpanIndex(glyphs.groups);
  const picked: number[] = [];
  return runs.map((run) => {
    const words = placedWords(run, index, glyphs, picked);
    return words === undefined ? run : { ...run, words };
  });
}

/**
 * The run's words with their edges at their glyphs; undefined when the run has no extent (not upright
 * left-to-right text), its glyphs do not spell its words in order, or no edge moves. `picked` is scratch
 * space.
 */
export function placedWords(
  run: RunWords,
  index: SpanIndex<GlyphGroup>,
  glyphs: PageGlyphs,
  picked: number[] = [],
): Word[] | undefined {
  const { extent, words } = run;
  const first = words[0];
  if (extent === undefined || first === undefined || words.some((word) => word.angle !== 0)) return undefined;
  // A lone word that is the whole run already spans the run's exact extent.
  if (words.length === 1 && first.text === run.text) return undefined;
  // The words must be the run's non-space text, in order (none clipped away, none rewritten).
  const text = words.length === 1 ? first.text : words.map((word) => word.text).join("");
  if (text !== run.text.replace(/\s+/gu, "")) return undefined;
  pickGlyphs(extent, index, glyphs, picked);
  const edges = matchedEdges(text, words, glyphs, picked);
  if (edges === undefined) return undefined;
  const spaced = (at: number, word: Word): Word =>
    edges[3 * at + 2] === 1 && word.spaceAfter !== true ? { ...word, spaceAfter: true } : word;
  let changed = false;
  const placed = words.map((word, at) => {
    // Inside the run's extent, which is clipped to the page as the words' boxes are.
    const left = Math.max(extent.left, edges[3 * at]!);
    const right = Math.min(extent.right, edges[3 * at + 1]!);
    if (Number.isNaN(left) || Number.isNaN(right) || !(right >= left)) return spaced(at, word);
    if (left === word.box.left && right === word.box.right) return spaced(at, word);
    changed = true;
    return spaced(at, {
      ...word,
      box: { ...word.box, left, right },
      baseline: { x: left, y: word.baseline.y },
    });
  });
  return changed ? placed : undefined;
}

/** Into `picked`: the page's glyphs on the extent's baseline whose middle lies inside it, left to right. */
function pickGlyphs(
  extent: RunExtent,
  index: SpanIndex<GlyphGroup>,
  glyphs: PageGlyphs,
  picked: number[],
): void {
  picked.length = 0;
  const slack = EDGE_EMS * extent.fontSize;
  const from = extent.left - slack;
  const to = extent.right + slack;
  let sorted = true;
  for (const span of index.onBaseline(extent.y, extent.fontSize)) {
    const { glyphFrom, glyphTo } = span;
    if (span.end < from || span.x > to) continue;
    for (let glyph = glyphFrom; glyph < glyphTo; glyph++) {
      const middle = (glyphs.start(glyph) + glyphs.end(glyph)) / 2;
      if (middle <= from || middle >= to) continue;
      const last = picked.at(-1);
      if (last !== undefined && glyphs.start(glyph) < glyphs.start(last)) sorted = false;
      picked.push(glyph);
    }
  }
  if (!sorted) picked.sort((a, b) => glyphs.start(a) - glyphs.start(b));
}

/**
 * Each word's left and right edge and whether a space glyph follows it ([left₀, right₀, space₀, left₁,
 * …]; NaN where a glyph straddles the word's edge, space 1 or 0), or undefined when the glyphs do not
 * spell `text` (the words' characters joined) in order.
 */
function matchedEdges(
  text: string,
  words: readonly Word[],
  glyphs: PageGlyphs,
  picked: readonly number[],
): Float64Array | undefined {
  const edges = new Float64Array(3 * words.length).fill(Number.NaN);
  let word = 0;
  let wordStart = 0;
  let wordEnd = words[0]!.text.length;
  let position = 0;
  for (const glyph of picked) {
    if (glyphs.isSpace(glyph)) {
      if (position > 0 && position === wordEnd) edges[3 * word + 2] = 1;
      continue;
    }
    if (position >= text.length) return undefined;
    let unicode = glyphs.unicode(glyph);
    if (!text.startsWith(unicode, position)) {
      if (FORMAT_MARKS.test(unicode)) continue;
      // pdf.js's text extraction applies compatibility normalisation to ligatures and a few others.
      unicode = unicode.normalize("NFKC").replace(/\s+/gu, "");
      if (unicode === "" || !text.startsWith(unicode, position)) return undefined;
    }
    while (position >= wordEnd) {
      word++;
      wordStart = wordEnd;
      wordEnd += words[word]!.text.length;
    }
    const end = position + unicode.length;
    if (position === wordStart) edges[3 * word] = glyphs.start(glyph);
    if (end === wordEnd) edges[3 * word + 1] = glyphs.end(glyph);
    position = end;
  }
  return position === text.length ? edges : undefined;
}
