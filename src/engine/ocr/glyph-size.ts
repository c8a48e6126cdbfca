/**
 * How tall the text of a raster is, in pixels, without OCR: the median height of its glyph-sized
 * connected ink components (8-connected, after Otsu binarisation). Images come with no trustworthy
 * resolution (a 90 DPI fax-quality scan and a 300 DPI page can both say 72 or nothing), and tesseract
 * reads poorly when letters are under ~20 px tall; the glyph height tells how small the text really is.
 */
import type { GrayImage } from "./ocr-engine.ts";
import { grayHistogram, inkLevel } from "./text-line-profile.ts";

// Components smaller than this are specks, dots and punctuation, not letters.
const MIN_GLYPH_HEIGHT = 4;
// Too few glyphs say nothing about the text (a photo, a blank page with a stamp).
const MIN_GLYPHS = 20;

export interface GlyphSize {
  /** Median height in pixels of the glyph-like components. */
  readonly height: number;
  /** How many components it was measured on. */
  readonly glyphs: number;
}

/** Growable per-component box store (typed arrays: a 300 DPI page has ~10⁵–10⁶ ink runs). */
class Components {
  parent = new Int32Array(1024);
  top = new Int32Array(1024);
  bottom = new Int32Array(1024);
  left = new Int32Array(1024);
  right = new Int32Array(1024);
  count = 0;

  add(y: number, start: number, end: number): number {
    if (this.count === this.parent.length) {
      const grow = (array: Int32Array) => {
        const next = new Int32Array(array.length * 2);
        next.set(array);
        return next;
      };
      this.parent = grow(this.parent);
      this.top = grow(this.top);
      this.bottom = grow(this.bottom);
      this.left = grow(this.left);
      this.right = grow(this.right);
    }
    const label = this.count++;
    this.parent[label] = label;
    this.top[label] = y;
    this.bottom[label] = y + 1;
    this.left[label] = start;
    this.right[label] = end;
    return label;
  }

  find(label: number): number {
    const parent = this.parent;
    let root = label;
    while (parent[root] !== root) root = parent[root]!;
    while (parent[label] !== root) {
      const next = parent[label]!;
      parent[label] = root;
      label = next;
    }
    return root;
  }

  union(a: number, b: number): void {
    const rootA = this.find(a);
    const rootB = this.find(b);
    if (rootA === rootB) return;
    this.parent[rootB] = rootA;
    this.top[rootA] = Math.min(this.top[rootA]!, this.top[rootB]!);
    this.bottom[rootA] = Math.max(this.bottom[rootA]!, this.bottom[rootB]!);
    this.left[rootA] = Math.min(this.left[rootA]!, this.left[rootB]!);
    this.right[rootA] = Math.max(this.right[rootA]!, this.right[rootB]!);
  }
}

/** The median glyph height in pixels, or undefined when the image has too little text-like ink to tell. */
export function measureGlyphSize(image: GrayImage): GlyphSize | undefined {
  const { width, height, gray } = image;
  if (width === 0 || height === 0) return undefined;
  // Ink is at or below the Otsu level (as in text-line-profile.ts); an image without contrast has none.
  const threshold = inkLevel(grayHistogram(image));
  if (threshold === undefined) return undefined;
  const components = new Components();
  // Ink runs of the row above and of this row: start, end (exclusive), label.
  let previous = new Int32Array(3 * (Math.ceil(width / 2) + 1));
  let current = new Int32Array(previous.length);
  let previousLength = 0;
  for (let y = 0; y < height; y++) {
    const row = y * width;
    let length = 0;
    let above = 0;
    let x = 0;
    while (x < width) {
      if (gray[row + x]! > threshold) {
        x++;
        continue;
      }
      const start = x;
      while (x < width && gray[row + x]! <= threshold) x++;
      const label = components.add(y, start, x);
      // A run joins every run above that it touches, diagonals included; runs above ending before this
      // one starts (less the diagonal) touch no later run of this row either.
      while (above < previousLength && previous[above + 1]! < start) above += 3;
      for (let index = above; index < previousLength && previous[index]! <= x; index += 3)
        components.union(label, previous[index + 2]!);
      current[length] = start;
      current[length + 1] = x;
      current[length + 2] = label;
      length += 3;
    }
    [previous, current] = [current, previous];
    previousLength = length;
  }
  const heights: number[] = [];
  const maxHeight = Math.max(MIN_GLYPH_HEIGHT, height / 8);
  for (let label = 0; label < components.count; label++) {
    if (components.parent[label] !== label) continue;
    const glyphHeight = components.bottom[label]! - components.top[label]!;
    const glyphWidth = components.right[label]! - components.left[label]!;
    // Letters (and short runs of touching letters); not rules, boxes, specks or pictures.
    if (glyphHeight < MIN_GLYPH_HEIGHT || glyphHeight > maxHeight) continue;
    if (glyphWidth > 4 * glyphHeight || glyphHeight > 4 * glyphWidth) continue;
    heights.push(glyphHeight);
  }
  if (heights.length < MIN_GLYPHS) return undefined;
  heights.sort((a, b) => a - b);
  return { height: heights[Math.floor(heights.length / 2)]!, glyphs: heights.length };
}
