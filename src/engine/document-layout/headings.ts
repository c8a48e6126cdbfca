/**
 * Headings across the document. A text block reads as a heading when it is short, does not end like a
 * sentence or a caption, and stands out: set clearly larger than the body text, or emphasised (bold, or a
 * font other than the page's body font) at body size with a section number or on a line of its own.
 * Levels come from the heading's number ("2.1" is level 2) and otherwise from the rank of its style among
 * the document's heading styles, largest first. Level 1 is Extend's `heading` (document and top-level
 * section headings), deeper levels `section_heading`. Sizes are in points.
 */
import type { Block } from "../document/block.ts";
import { unionBoxes } from "../document/box.ts";
import type { Page } from "../document/page.ts";
import { isKeyValueLine } from "../layout/key-values.ts";
import { StyleTally, styleOfLines, type TextStyle } from "../layout/text-style.ts";

/** A block this much larger than the body text stands out by size alone. */
const LARGER_RATIO = 1.2;
/** Another typeface set at least this much larger than the body marks a heading even when not bold. */
const SLIGHTLY_LARGER_RATIO = 1.05;
/** Emphasised headings are set at least about body size (smaller bold text is a label or a caption). */
const EMPHASIS_MIN_RATIO = 0.95;
const MAX_WORDS = 20;
const MAX_CHARACTERS = 160;
/** An emphasised block without a number must be a single line of at most this many words. */
const MAX_UNNUMBERED_EMPHASIS_WORDS = 12;
/** Pages with less body text than this take the document's body size as their reference. */
const MIN_PAGE_BODY_CHARACTERS = 300;
/** Below this many characters in paragraphs, the body style is taken from all text blocks. */
const MIN_PARAGRAPH_CHARACTERS = 100;
/** This many consecutive candidates in one style are a list of names or labels, not headings. */
const MAX_SAME_STYLE_RUN = 3;
/** A heading's wrapped line starts at most this many ems below the line above it. */
const MAX_WRAPPED_HEADING_GAP_EMS = 0.6;
/** "Figure 3", "Table A.1", "Listing IV:" — but not "Figures Example" or "Table of Contents". */
const CAPTION =
  /^(?:fig(?:ure)?|tab(?:le)?|example|listing|chart|exhibit|plate)\.?\s*(?:\d|[ivx]+[.:\s]|[a-z][.\d:-])/iu;

const FURNITURE: ReadonlySet<Block["type"]> = new Set(["header", "footer", "page_number"]);

interface Candidate {
  readonly page: Page;
  readonly index: number;
  readonly style: TextStyle;
  /** Depth of the section number ("2.1" → 2), if the heading has one. */
  readonly depth: number | undefined;
}

/**
 * The body text style of the whole document: what most characters of its paragraphs (text blocks of two
 * lines or more) are set in, so labels of figures and tables do not outvote the running text; all text
 * blocks count when there are hardly any paragraphs.
 */
export function documentBodyStyle(pages: readonly Page[]): TextStyle {
  return bodyStyle(pages.flatMap((page) => page.blocks));
}

function bodyStyle(blocks: readonly Block[]): TextStyle {
  const paragraphs = new StyleTally();
  const all = new StyleTally();
  for (const block of blocks) {
    if (block.type !== "text") continue;
    all.addLines(block.lines);
    if (block.lines.length >= 2) paragraphs.addLines(block.lines);
  }
  const style = paragraphs.style();
  return style.characters >= MIN_PARAGRAPH_CHARACTERS ? style : all.style();
}

/** Retypes heading blocks as heading / section_heading with their `headingLevel`. */
export function markHeadings(pages: readonly Page[], body: TextStyle): void {
  const candidates: Candidate[] = [];
  for (const page of pages) candidates.push(...pageCandidates(page, body));
  const styleLevels = levelsByStyle(candidates, pages.length);
  // Later candidates first, so joining a wrapped heading's second line leaves earlier indices valid.
  for (const [position, candidate] of [...candidates.entries()].reverse()) {
    const level = Math.min(6, candidate.depth ?? styleLevels.get(styleKey(candidate.style)) ?? 1);
    // A numbered item that reads as a heading ("(2) Scope") is a heading, no longer a list item.
    const { listItem: _, ...block } = candidate.page.blocks[candidate.index]!;
    const next = candidates[position + 1];
    const wrapped = next !== undefined && continuesHeading(candidate, next);
    candidate.page.blocks.splice(candidate.index, wrapped ? 2 : 1, {
      ...(wrapped ? joinBlocks(block, candidate.page.blocks[next.index]!) : block),
      type: level === 1 ? "heading" : "section_heading",
      headingLevel: level,
    });
  }
}

/**
 * The next candidate is the wrapped second line of this heading: the block right after it in reading
 * order, in the same style, unnumbered, starting within a line's leading below it and overlapping it
 * across ("Chapter 1. Securing and protecting IBM DB2" over "data").
 */
function continuesHeading(candidate: Candidate, next: Candidate): boolean {
  if (next.page !== candidate.page || next.index !== candidate.index + 1 || next.depth !== undefined)
    return false;
  if (styleKey(next.style) !== styleKey(candidate.style)) return false;
  const above = candidate.page.blocks[candidate.index]!.box;
  const below = candidate.page.blocks[next.index]!.box;
  if (above === null || below === null) return false;
  const gap = below.top - above.bottom;
  return (
    gap >= -1 &&
    gap <= MAX_WRAPPED_HEADING_GAP_EMS * candidate.style.size &&
    below.left < above.right &&
    above.left < below.right
  );
}

function joinBlocks(first: Block, second: Block): Block {
  const box = first.box === null || second.box === null ? first.box : unionBoxes([first.box, second.box])!;
  return { ...first, text: `${first.text} ${second.text}`, lines: [...first.lines, ...second.lines], box };
}

function pageCandidates(page: Page, documentBody: TextStyle): Candidate[] {
  const pageBody = bodyStyle(page.blocks);
  const reference = pageBody.characters >= MIN_PAGE_BODY_CHARACTERS ? pageBody : documentBody;
  const found: Candidate[] = [];
  // A heading introduces what follows it: the last content on its page (a cover's imprint, a closing
  // line above the footer) is not one.
  let lastContent = -1;
  page.blocks.forEach((block, index) => {
    if (!FURNITURE.has(block.type)) lastContent = index;
  });
  page.blocks.forEach((block, index) => {
    const candidate = asHeading(block, reference, pageBody.fontId);
    if (candidate !== undefined) found.push({ page, index, ...candidate });
  });
  return withoutStyleRuns(found).filter((candidate) => candidate.index < lastContent);
}

function asHeading(
  block: Block,
  body: TextStyle,
  bodyFontId: string,
): { style: TextStyle; depth: number | undefined } | undefined {
  if (block.type !== "text" || block.code === true || block.lines.length === 0 || body.size === 0)
    return undefined;
  const text = block.text.trim();
  const words = text.split(/\s+/u).length;
  if (words > MAX_WORDS || text.length > MAX_CHARACTERS || CAPTION.test(text)) return undefined;
  // Headings have words: not amounts ("Rs 1939"), codes or figures alone.
  if (!/\p{L}{3}/u.test(text) || (text.match(/\p{N}/gu)?.length ?? 0) > (text.match(/\p{L}/gu)?.length ?? 0))
    return undefined;
  // A parenthesised line is an aside or a signature caption ("(Authorized Signatory)").
  if (/^\(.*\)$/u.test(text)) return undefined;
  // Addresses (ibm.com/redbooks, name@example.com) are not headings, however large.
  if (/^\S+$/u.test(text) && /[@/]|\.[a-z]{2,4}$/iu.test(text)) return undefined;
  // Sentences and lead-ins end in punctuation; "Chapter 1." and the like are short.
  if (/[,;:]$/u.test(text) || (/[.!?]$/u.test(text) && words > 3)) return undefined;
  const style = styleOfLines(block.lines);
  const ratio = style.size / body.size;
  const depth = sectionDepth(text);
  // "ATTN: ACME Ltd" and other label-value rows are not headings (numbered "Chapter 3: …" are).
  if (depth === undefined && isKeyValueLine(block.lines[0]!.text)) return undefined;
  const maxLines = ratio >= 1.6 ? 4 : 3;
  if (block.lines.length > maxLines) return undefined;
  if (ratio >= LARGER_RATIO) return { style, depth };
  // Emphasis: bold, or italic where the body is upright, or another font than the body's when the
  // weight is unknown or the size a little larger (a heading typeface); monospace is code, not emphasis.
  const otherFont = style.fontId !== bodyFontId && style.fontFamily !== "monospace";
  const emphasised =
    style.bold === true ||
    (style.italic === true && body.italic !== true) ||
    (otherFont && (style.bold === undefined || ratio >= SLIGHTLY_LARGER_RATIO));
  if (!emphasised || ratio < EMPHASIS_MIN_RATIO) return undefined;
  // A list item is a heading only when the whole item is emphasised and short ("(2) Scope").
  const single = block.lines.length === 1 && words <= MAX_UNNUMBERED_EMPHASIS_WORDS;
  if (block.listItem !== undefined) return single ? { style, depth } : undefined;
  if (depth !== undefined || single) return { style, depth };
  return undefined;
}

/**
 * Depth of a leading section number: "3" or "Chapter 3" → 1, "3.2" → 2, "A.1.2" → 3, and the hyphenated
 * numbers of Persian and Arabic documents, in Western or Eastern Arabic digits: "3-" → 1, "2-5-" → 2.
 */
export function sectionDepth(text: string): number | undefined {
  if (/^(?:chapter|section|part|appendix|article)\s+[\divxlc]+\b/iu.test(text)) return 1;
  const numbered = /^(\d{1,2}(?:\.\d{1,3}){0,5})\.?\s+\p{L}/u.exec(text);
  if (numbered !== null) return numbered[1]!.split(".").length;
  // The closing hyphen tells a section number from a range ("2-5 years").
  const hyphenated = /^([0-9٠-٩۰-۹]{1,2}(?:-[0-9٠-٩۰-۹]{1,3}){0,5})-\s+\p{L}/u.exec(text);
  if (hyphenated !== null) return hyphenated[1]!.split("-").length;
  const lettered = /^[A-Z]((?:\.\d{1,3}){1,5})\.?\s+\p{L}/u.exec(text);
  if (lettered !== null) return lettered[1]!.split(".").length;
  if (/^[IVX]{1,4}\.\s+\p{L}/u.test(text)) return 1;
  return undefined;
}

/**
 * Drops runs of MAX_SAME_STYLE_RUN or more consecutive unnumbered candidates of one size: a column of
 * author names or field labels (or the parts of a diagram, also when each is followed by a one-line
 * annotation), not a cascade of headings.
 */
function withoutStyleRuns(candidates: readonly Candidate[]): Candidate[] {
  const kept: Candidate[] = [];
  let run: Candidate[] = [];
  const flush = () => {
    if (run.length < MAX_SAME_STYLE_RUN) kept.push(...run);
    run = [];
  };
  for (const candidate of candidates) {
    const previous = run[run.length - 1];
    const continues =
      previous !== undefined &&
      (candidate.index === previous.index + 1 || oneLineBetween(previous, candidate)) &&
      candidate.depth === undefined &&
      previous.depth === undefined &&
      Math.round(candidate.style.size * 2) === Math.round(previous.style.size * 2);
    if (!continues) flush();
    run.push(candidate);
  }
  flush();
  return kept;
}

/**
 * Two candidates with one single-line block or a figure between them: labels of a diagram or syntax
 * figure that alternate with their annotations (or with the drawing), which continue a run as if adjacent.
 */
function oneLineBetween(previous: Candidate, candidate: Candidate): boolean {
  if (candidate.index !== previous.index + 2) return false;
  const between = candidate.page.blocks[previous.index + 1];
  // A figure placed among them (the drawing the labels belong to) does not break the run either.
  return (between?.type === "text" && between.lines.length === 1) || between?.type === "figure";
}

/** Heading styles: size to the half point and emphasis. */
function styleKey(style: TextStyle): string {
  return `${Math.round(style.size * 2) / 2}|${style.bold === true ? "b" : ""}`;
}

/**
 * Levels of heading styles. Numbered styles take their usual depth; an unnumbered style takes one level
 * below the nearest larger numbered style, or level 1 when it is larger than all of them (chapter and
 * document titles). Without numbered styles, levels follow the size ranking of the styles that recur on
 * several pages; a style seen on one page only (a cover, a one-off call-out) gets the level its size
 * ranks at without pushing smaller styles down, and the first page's styles are all level 1.
 */
function levelsByStyle(candidates: readonly Candidate[], pageCount: number): Map<string, number> {
  interface StyleEntry {
    readonly size: number;
    readonly bold: boolean;
    readonly depths: number[];
    readonly pages: Set<number>;
  }
  const byStyle = new Map<string, StyleEntry>();
  for (const candidate of candidates) {
    const key = styleKey(candidate.style);
    let entry = byStyle.get(key);
    if (entry === undefined) {
      entry = {
        size: candidate.style.size,
        bold: candidate.style.bold === true,
        depths: [],
        pages: new Set(),
      };
      byStyle.set(key, entry);
    }
    if (candidate.depth !== undefined) entry.depths.push(candidate.depth);
    entry.pages.add(candidate.page.number);
  }
  const ordered = [...byStyle].sort(([, a], [, b]) => b.size - a.size || Number(b.bold) - Number(a.bold));
  const levels = new Map<string, number>();
  const numbered = ordered.filter(([, entry]) => entry.depths.length > 0);
  for (const [key, entry] of numbered) levels.set(key, mode(entry.depths));
  let previous = 0;
  for (const [key, entry] of ordered) {
    if (levels.has(key)) continue;
    if (numbered.length > 0) {
      const larger = numbered.filter(
        ([, other]) => other.size > entry.size || (other.size === entry.size && other.bold),
      );
      const nearest = larger[larger.length - 1];
      const smallestDepth = Math.min(...numbered.map(([other]) => levels.get(other)!));
      levels.set(key, nearest === undefined ? Math.max(1, smallestDepth - 1) : levels.get(nearest[0])! + 1);
      continue;
    }
    const firstPageOnly = pageCount > 1 && entry.pages.size === 1 && entry.pages.has(1);
    if (firstPageOnly) {
      levels.set(key, 1);
    } else if (entry.pages.size === 1 && pageCount > 1) {
      levels.set(key, previous + 1);
    } else {
      previous += 1;
      levels.set(key, previous);
    }
  }
  return levels;
}

function mode(values: readonly number[]): number {
  const counts = new Map<number, number>();
  let best = values[0]!;
  for (const value of values) {
    const count = (counts.get(value) ?? 0) + 1;
    counts.set(value, count);
    if (count > counts.get(best)! || (count === counts.get(best)! && value < best)) best = value;
  }
  return best;
}
