/**
 * Word boxes tight around their ink. Tesseract's LSTM recogniser often reports a word's box as the
 * height of its whole text line (every word of a line then shares top and bottom), and on noisy scans
 * a box can reach into white margins. Within each box the ink (pixels at or below the page's Otsu
 * level) is measured and the box shrunk to it; a box is never grown, and one without ink stays as it is.
 */
import type { GrayImage, OcrResult, PixelBox } from "./ocr-engine.ts";
import { otsuThreshold } from "./text-line-profile.ts";

/** `result` with each word's box shrunk to the ink it holds in `image`, the image the engine read. */
export function tightenToInk(result: OcrResult, image: GrayImage): OcrResult {
  // An engine that turned the image itself reports boxes in another frame: leave them.
  if ((result.rotationDegrees ?? 0) !== 0 || result.words.length === 0) return result;
  if (result.imageWidth !== image.width || result.imageHeight !== image.height) return result;
  const threshold = otsuThreshold(image);
  const words = result.words.map((word) => {
    const box = inkBox(image, word.box, threshold);
    return box === undefined ? word : { ...word, box };
  });
  return { ...result, words };
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
