/**
 * What a page paints besides text, as the figure and checkbox detectors need it: raster image boxes and
 * one summary per painted vector path. Page points, top-left origin.
 */
import type { Box } from "./box.ts";

export interface VectorPath {
  readonly box: Box;
  /** Line and curve pieces in the path. */
  readonly segments: number;
  /** Pieces that are curves or diagonal lines (charts and drawings have many; table rules have none). */
  readonly freeform: number;
  /** Painted with a stroke (outlines) as opposed to a fill only. */
  readonly stroked: boolean;
  /**
   * Filled with a dark colour (luminance below one half), as a ticked checkbox's mark is; absent when
   * the path is only stroked or its fill colour is light or unknown (patterns, shadings).
   */
  readonly darkFill?: true;
}

export interface PageGraphics {
  /** Boxes of painted raster images (image XObjects, inline images, image masks). */
  readonly images: readonly Box[];
  readonly paths: readonly VectorPath[];
}
