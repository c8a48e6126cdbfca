/**
 * Parses tesseract's TSV output (the CLI's `tsv` config and tesseract.js's `tsv` output are the same
 * format) into words and lines with pixel boxes, so both tesseract engines report identically.
 */
import type { OcrLine, OcrResult, OcrWord, PixelBox } from "./ocr-engine.ts";

// TSV levels: 1 page, 2 block, 3 paragraph, 4 line, 5 word.
const PAGE = 1;
const LINE = 4;
const WORD = 5;

/**
 * Tesseract scores 0–100 and reports 0 (rarely negative) for words it kept but could not score; those keep
 * their text with this floor, so every confidence is in (0, 1].
 */
const MIN_CONFIDENCE = 0.001;

/**
 * Words in the order tesseract read them, grouped into its lines. `width`/`height` are the image size,
 * used when the output lacks a page row.
 */
export function parseTesseractTsv(tsv: string, width: number, height: number): OcrResult {
  let imageWidth = width;
  let imageHeight = height;
  const words: OcrWord[] = [];
  const lines: OcrLine[] = [];
  let line: { box: PixelBox; key: string; firstWord: number } | undefined;
  const closeLine = () => {
    if (line !== undefined && words.length > line.firstWord)
      lines.push({ box: line.box, firstWord: line.firstWord, wordCount: words.length - line.firstWord });
    line = undefined;
  };
  for (const row of tsv.split("\n")) {
    const fields = row.split("\t");
    if (fields.length < 12) continue;
    const level = Number(fields[0]);
    // The CLI prints a header row ("level\tpage_num…"); its level is NaN and it falls through.
    const [left, top, boxWidth, boxHeight] = fields.slice(6, 10).map(Number) as [
      number,
      number,
      number,
      number,
    ];
    const box: PixelBox = { left, top, right: left + boxWidth, bottom: top + boxHeight };
    const key = fields.slice(1, 5).join("/");
    if (level === PAGE) {
      imageWidth = boxWidth;
      imageHeight = boxHeight;
    } else if (level === LINE) {
      closeLine();
      line = { box, key, firstWord: words.length };
    } else if (level === WORD) {
      // Text is the last field. Tesseract words hold no whitespace; strip any so the word contract holds.
      const text = fields.slice(11).join(" ").replace(/\s+/gu, "");
      if (text === "") continue;
      if (line !== undefined && line.key !== key) closeLine();
      const score = Number(fields[10]);
      const confidence = Number.isFinite(score)
        ? Math.min(1, Math.max(MIN_CONFIDENCE, score / 100))
        : MIN_CONFIDENCE;
      words.push({ text, box, confidence });
    }
  }
  closeLine();
  return { imageWidth, imageHeight, words, lines };
}
