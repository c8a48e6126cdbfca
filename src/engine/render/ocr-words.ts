/**
 * `output.ocr.words` (advancedOptions.returnOcr.words): every word the parse read — OCR'd or from the
 * PDF text layer — with its box in page points (top-left origin; tight around the ink for OCR'd words,
 * the font box for digital text), its 1-based page and a confidence (OCR's, or 1 for digital text). Extraction uses them for line- and word-level citations.
 */
import type { Extend } from "extend-ai";
import type { Page } from "../document/page.ts";
import { roundPoints } from "./block-id.ts";

export function renderOcrWords(pages: readonly Page[]): Extend.ParseRunOutputOcr {
  const words: Extend.ParseRunOutputOcrWordsItem[] = [];
  for (const page of pages) {
    for (const word of page.words) {
      const { confidence, inkBox } = word as { confidence?: number; inkBox?: Page["words"][number]["box"] };
      // An OCR'd word's box spans its line's height, like a font box; the word's own ink is what a
      // reader (and a citation) means by where the word is.
      const box = inkBox ?? word.box;
      words.push({
        content: word.text,
        boundingBox: {
          left: roundPoints(box.left),
          top: roundPoints(box.top),
          right: roundPoints(box.right),
          bottom: roundPoints(box.bottom),
        },
        confidence: confidence ?? 1,
        pageNumber: page.number,
      });
    }
  }
  return { words };
}
