/**
 * The raw baseline every metric is also computed for: pdf.js getTextContent items, joined in content
 * stream order per page, with no layout analysis at all. Loaded from pdfjs-dist's legacy build here,
 * not through the engine, so engine changes cannot move the baseline. The same pass gives the page
 * frames (to turn PDF user-space ground truth into the engine's top-left points) and character
 * positions (the sub-objects of the ICDAR 2013 location measure).
 */
import { createRequire } from "node:module";
import { dirname, join, sep } from "node:path";
import { getDocument, VerbosityLevel } from "pdfjs-dist/legacy/build/pdf.mjs";
import type { PagePoint } from "../metrics/region-match.ts";

type Matrix = readonly [number, number, number, number, number, number];

export interface BaselineItem {
  readonly str: string;
  /** Top-left page points, like the engine's boxes (axis-aligned hull of the glyph run). */
  readonly box: { left: number; top: number; right: number; bottom: number };
}

export interface BaselinePage {
  /** 1-based. */
  readonly number: number;
  readonly items: readonly BaselineItem[];
  /** Centres of the page's non-space characters, in top-left page points. */
  readonly characters: readonly PagePoint[];
  /** PDF user space (origin bottom-left, y up) → top-left page points, as displayed (rotation, crop box). */
  readonly toPage: (x: number, y: number) => [number, number];
}

export interface BaselineDocument {
  readonly pages: readonly BaselinePage[];
  /** Items' strings in stream order; an item flagged end-of-line adds "\n", pages are separated by "\n\n". */
  readonly text: string;
}

// Without the standard font metrics and CMaps, CJK text decodes to nothing — which would make the
// baseline look worse than raw pdf.js really is.
const packageRoot = dirname(createRequire(import.meta.url).resolve("pdfjs-dist/package.json"));

export async function readBaseline(bytes: Uint8Array): Promise<BaselineDocument> {
  const task = getDocument({
    data: bytes.slice(),
    standardFontDataUrl: join(packageRoot, "standard_fonts") + sep,
    cMapUrl: join(packageRoot, "cmaps") + sep,
    wasmUrl: join(packageRoot, "wasm") + sep,
    cMapPacked: true,
    verbosity: VerbosityLevel.ERRORS,
    useSystemFonts: false,
  });
  try {
    const document = await task.promise;
    const pages: BaselinePage[] = [];
    const texts: string[] = [];
    for (let number = 1; number <= document.numPages; number++) {
      const page = await document.getPage(number);
      const viewport = page.getViewport({ scale: 1 });
      const [va, vb, vc, vd, ve, vf] = viewport.transform as unknown as Matrix;
      const toPage = (x: number, y: number): [number, number] => [va * x + vc * y + ve, vb * x + vd * y + vf];
      const content = await page.getTextContent();
      const items: BaselineItem[] = [];
      const characters: PagePoint[] = [];
      let text = "";
      for (const item of content.items) {
        if (!("str" in item)) continue;
        text += item.str + (item.hasEOL ? "\n" : "");
        if (item.str.trim() === "") continue;
        const run = glyphRun(item.transform as unknown as Matrix, item.width, item.height);
        const corners = run.corners.map(([x, y]) => toPage(x, y));
        const xs = corners.map(([x]) => x);
        const ys = corners.map(([, y]) => y);
        items.push({
          str: item.str,
          box: {
            left: Math.min(...xs),
            top: Math.min(...ys),
            right: Math.max(...xs),
            bottom: Math.max(...ys),
          },
        });
        const glyphs = Array.from(item.str);
        glyphs.forEach((glyph, index) => {
          if (glyph.trim() === "") return;
          const [x, y] = toPage(...run.at((index + 0.5) / glyphs.length));
          characters.push({ page: number, x, y });
        });
      }
      pages.push({ number, items, characters, toPage });
      texts.push(text);
      page.cleanup();
    }
    return { pages, text: texts.join("\n\n") };
  } finally {
    await task.destroy();
  }
}

/**
 * A text item's run in user space: it starts at the transform's origin on the baseline and advances
 * `width` along the transform's x direction; glyphs rise `height` along its y direction, with a fifth of
 * that below the baseline for descenders. `at(f)` is the mid-height point a fraction f along the run.
 */
function glyphRun(transform: Matrix, width: number, height: number) {
  const [a, b, c, d, e, f] = transform;
  const along = Math.hypot(a, b) || 1;
  const ux = a / along;
  const uy = b / along;
  const up = Math.hypot(c, d);
  const [vx, vy] = up === 0 ? [-uy, ux] : [c / up, d / up];
  const h = height > 0 ? height : up;
  const ox = e - 0.2 * h * vx;
  const oy = f - 0.2 * h * vy;
  const corners: [number, number][] = [
    [ox, oy],
    [ox + width * ux, oy + width * uy],
    [ox + h * vx, oy + h * vy],
    [ox + width * ux + h * vx, oy + width * uy + h * vy],
  ];
  const at = (fraction: number): [number, number] => [
    e + fraction * width * ux + 0.3 * h * vx,
    f + fraction * width * uy + 0.3 * h * vy,
  ];
  return { corners, at };
}
