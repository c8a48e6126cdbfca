/**
 * Citations for the tokens a value was read from, in the granularity the request asks for: `word` (the
 * words' own box), `line` (the visual line segments holding them), `block` (the parse block's polygon).
 * Estimated boxes are never cited: without words only block polygons are, without geometry no polygon.
 * Polygons are rounded outwards, so a cited polygon always contains the cited text.
 */
import type { Extend } from "extend-ai";
import type { Box } from "../../../../engine/document/box.ts";
import type { CitedToken } from "../fields/span.ts";
import { blockAt, type DocumentLayout, type Line, pageOf, tokenText } from "../layout/layout-model.ts";

export type CitationMode = "line" | "word" | "block";

export function citationsFor(
  tokens: readonly CitedToken[],
  layout: DocumentLayout,
  mode: CitationMode,
): Extend.Citation[] {
  const byLine = new Map<Line, CitedToken[]>();
  for (const cited of tokens) {
    const list = byLine.get(cited.line) ?? [];
    list.push(cited);
    byLine.set(cited.line, list);
  }
  const citations: Extend.Citation[] = [];
  const citedBlocks = new Set<number>();
  for (const [line, cited] of byLine) {
    const geometry = layout.files[line.fileIndex]!.geometry;
    const page = citationPage(layout, line);
    const fileId = layout.files[line.fileIndex]!.fileId;
    const base = (referenceText: string): Extend.Citation => ({
      ...(fileId === undefined ? {} : { fileId }),
      page,
      referenceText,
    });
    const wordsText = cited.map((entry) => entry.token.text).join(" ");
    if (geometry === "none") {
      citations.push(base(wordsText));
      continue;
    }
    if (mode === "block" || geometry === "block") {
      const blockIndex = blockContaining(layout, line, unionOf(cited.map((entry) => entry.token.box)));
      const block = blockIndex === undefined ? undefined : layout.blocks[blockIndex];
      if (block !== undefined && block.polygon.length > 0) {
        if (!citedBlocks.has(blockIndex!)) {
          citedBlocks.add(blockIndex!);
          citations.push({ ...base(wordsText), polygon: block.polygon.map(({ x, y }) => ({ x, y })) });
        }
        continue;
      }
      // Without words a block is the finest honest unit; if none holds the text, cite no polygon.
      if (geometry === "block") {
        citations.push(base(wordsText));
        continue;
      }
    }
    if (mode === "word") {
      citations.push({
        ...base(wordsText),
        polygon: polygonOf(unionOf(cited.map((entry) => entry.token.box))),
      });
      continue;
    }
    // Line mode: the visual line segments holding the words (a line cut at column gaps).
    const segments = line.segments.filter((segment) =>
      cited.some((entry) => entry.index >= segment.start && entry.index < segment.end),
    );
    const from = Math.min(...segments.map((segment) => segment.start));
    const to = Math.max(...segments.map((segment) => segment.end));
    citations.push({
      ...base(tokenText(line, from, to)),
      polygon: polygonOf(unionOf(segments.map((segment) => segment.box))),
    });
  }
  return citations;
}

/** min of the cited words' confidences; for estimated words the block's own minimum, when it has one. */
export function ocrConfidenceOf(tokens: readonly CitedToken[], layout: DocumentLayout): number | null {
  let minimum: number | null = null;
  for (const { token, line } of tokens) {
    let confidence = token.confidence;
    if (confidence === null && line.blockIndex !== undefined)
      confidence = layout.blocks[line.blockIndex]?.minOcrConfidence ?? null;
    if (confidence !== null) minimum = minimum === null ? confidence : Math.min(minimum, confidence);
  }
  return minimum === null ? null : Math.round(minimum * 1000) / 1000;
}

function citationPage(layout: DocumentLayout, line: Line): Extend.CitationPage {
  const info = pageOf(layout, line.fileIndex, line.page);
  const page: Extend.CitationPage = { number: line.page };
  if (info?.width !== undefined) page.width = info.width;
  if (info?.height !== undefined) page.height = info.height;
  return page;
}

/** The smallest block on the line's page whose box holds the center of `box`. */
function blockContaining(layout: DocumentLayout, line: Line, box: Box): number | undefined {
  return blockAt(layout, line.fileIndex, line.page, (box.left + box.right) / 2, (box.top + box.bottom) / 2);
}

export function unionOf(boxes: readonly Box[]): Box {
  let left = Number.POSITIVE_INFINITY;
  let top = Number.POSITIVE_INFINITY;
  let right = Number.NEGATIVE_INFINITY;
  let bottom = Number.NEGATIVE_INFINITY;
  for (const box of boxes) {
    left = Math.min(left, box.left);
    top = Math.min(top, box.top);
    right = Math.max(right, box.right);
    bottom = Math.max(bottom, box.bottom);
  }
  return { left, top, right, bottom };
}

/** Clockwise from the top-left corner, rounded outwards to 0.01 pt so the text stays inside. */
export function polygonOf(box: Box): Extend.Polygon[] {
  const left = Math.floor(box.left * 100) / 100;
  const top = Math.floor(box.top * 100) / 100;
  const right = Math.ceil(box.right * 100) / 100;
  const bottom = Math.ceil(box.bottom * 100) / 100;
  return [
    { x: left, y: top },
    { x: right, y: top },
    { x: right, y: bottom },
    { x: left, y: bottom },
  ];
}
