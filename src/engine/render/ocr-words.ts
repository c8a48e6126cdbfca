/**
 * `output.ocr.words` (advancedOptions.returnOcr.words): every word the parse read — OCR'd or from the
 * PDF text layer — with its box in page points (top-left origin), its 1-based page and a confidence
 * (OCR's, or 1 for digital text). Extraction uses them for line- and word-level citations.
 */
import type { Extend } from "extend-ai";
import type { Page } from "../document/page.ts";
import { roundPoints } from "./block-id.ts";

export function renderOcrWords(pages: readonly Page[]): Extend.ParseRunOutputOcr {
  const words: Extend.ParseRunOutputOcrWordsItem[] = [];
  for (const page of pages) {
    for (const word of page.words) {
      const confidence = (word as { confidence?: number }).confidence;
      words.push({
        content: word.text,
        boundingBox: {
          left: roundPoints(word.box.left),
          top: roundPoints(word.box.top),
          right: roundPoints(word.box.right),
          bottom: roundPoints(word.box.bottom),
        },
        confidence: confidence ?? 1,
        pageNumber: page.number,
      });
    }
  }
  return { words };
}
