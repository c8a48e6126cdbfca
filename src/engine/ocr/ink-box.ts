/**
 * Word boxes tight around their ink. Tesseract's LSTM recogniser often reports a word's box as the
 * height of its whole text line (every word of a line then shares top and bottom), and on noisy scans a
 * word's box can run on over the words after it in its line ("WHOM" spanning "WHOM IT IS"). So a box is
 * first cut where the next word of its line starts, then the ink inside it (pixels at or below the page's
 * Otsu level) is measured and the box shrunk to it; a box is never grown, and one without ink stays as
 * it is.
 */
import type { GrayImage, OcrResult, PixelBox } from "./ocr-engine.ts";
import { otsuThreshold } from "./text-line-profile.ts";

/** `result` with each word's box shrunk to the ink it holds in `image`, the image the engine read. */
export function tightenToInk(result: OcrResult, image: GrayImage): OcrResult {
  // An engine that turned the image itself reports boxes in another frame: leave them.
  if ((result.rotationDegrees ?? 0) !== 0 || result.words.length === 0) return result;
  if (result.imageWidth !== image.width || result.imageHeight !== image.height) return result;
  const threshold = otsuThreshold(image);
  const next = nextInLine(result);
  const words = result.words.map((word, index) => {
    const following = next[index];
    const cut =
      following !== undefined && following.left > word.box.left && following.left < word.box.right
        ? { ...word.box, right: following.left }
        : word.box;
    const box = inkBox(image, cut, threshold);
    return box === undefined ? word : { ...word, box };
  });
  return { ...result, words };
}

/** For each word, the box of the word after it in its line (left to right), if any. */
function nextInLine(result: OcrResult): Array<PixelBox | undefined> {
  const next: Array<PixelBox | undefined> = new Array(result.words.length).fill(undefined);
  for (const line of result.lines ?? [])
    for (let index = line.firstWord; index < line.firstWord + line.wordCount - 1; index++)
      next[index] = result.words[index + 1]?.box;
  return next;
}

/** The bounding box of the pixels at or below `threshold` inside `box` (clipped to the image). */
export function inkBox(image: GrayImage, box: PixelBox, threshold: number): PixelBox | undefined {
  const { width, height, gray } = image;
  const left = Math.max(0, Math.floor(box.left));
  const top = Math.max(0, Math.floor(box.top));
  const right = Math.min(width, Math.ceil(box.right));
  const bottom = Math.min(height, Math.ceil(box.bottom));
  let inkLeft = right;
  let inkRight = left;
  let inkTop = bottom;
  let inkBottom = top;
  for (let y = top; y < bottom; y++) {
    const row = y * width;
    for (let x = left; x < right; x++) {
      if (gray[row + x]! > threshold) continue;
      if (x < inkLeft) inkLeft = x;
      if (x >= inkRight) inkRight = x + 1;
      if (y < inkTop) inkTop = y;
      inkBottom = y + 1;
    }
  }
  if (inkRight <= inkLeft || inkBottom <= inkTop) return undefined;
  return { left: inkLeft, top: inkTop, right: inkRight, bottom: inkBottom };
}
