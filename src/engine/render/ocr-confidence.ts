/**
 * Extend's `minOcrConfidence` / `avgOcrConfidence` (0–1) on blocks and chunks: over the OCR'd words they
 * were built from. Digital text has no OCR confidence, so blocks and chunks without OCR'd words leave
 * the fields out rather than claim a certainty nobody measured.
 */
import type { Block } from "../document/block.ts";

export interface OcrConfidence {
  readonly minOcrConfidence: number;
  readonly avgOcrConfidence: number;
}

/** Confidences of the OCR'd words of these blocks (words carry `confidence` only when OCR made them). */
export function ocrConfidenceOf(blocks: readonly Block[]): OcrConfidence | undefined {
  let count = 0;
  let sum = 0;
  let min = 1;
  for (const block of blocks) {
    for (const line of block.lines) {
      for (const word of line.words) {
        const confidence = (word as { confidence?: number }).confidence;
        if (confidence === undefined) continue;
        count++;
        sum += confidence;
        min = Math.min(min, confidence);
      }
    }
  }
  if (count === 0) return undefined;
  const round = (value: number) => Math.round(value * 1000) / 1000;
  return { minOcrConfidence: round(min), avgOcrConfidence: round(sum / count) };
}
