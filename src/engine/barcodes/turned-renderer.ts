/**
 * A page OCR turned a quarter (or half) to read it has its size, words and blocks in the turned frame,
 * while its source still renders the page as it was uploaded. The barcode scan asks for regions in the
 * turned frame and reads code corners off the pixels it gets, so this renderer maps each region back to
 * the source's frame, renders it there and turns the pixels (and region PNGs) the same way OCR did.
 * Figure images use the region part (turnedRegions) for the same reason.
 */
import sharp from "sharp";
import type { Box } from "../document/box.ts";
import type { PagePixels } from "../document/document-source.ts";
import { fromPixels, pixelsOf } from "../document/sharp-pixels.ts";
import { toFrame } from "../tables/page-frame.ts";
import type { BarcodeRenderer } from "./page-barcodes.ts";

export type Turn = 90 | 180 | 270;

/**
 * Where `box` (in the frame of a page of `width` × `height` points turned `turn` degrees clockwise) lies
 * on the page before the turn.
 */
export function boxBeforeTurn(box: Box, turn: Turn, width: number, height: number): Box {
  // The source page seen from the turned page is the turned page's reading frame for that turn.
  return toFrame({ angle: turn === 270 ? -90 : turn, width, height }, box);
}

/** `renderer` (the source's, in its own frame) seen from a page turned `turn` degrees clockwise. */
export function turnedRenderer(
  renderer: BarcodeRenderer,
  turn: Turn,
  width: number,
  height: number,
): BarcodeRenderer {
  return {
    async page(pageNumber, dpi, region) {
      const pixels = await renderer.page(pageNumber, dpi, boxBeforeTurn(region, turn, width, height));
      return turnPixels(pixels, turn);
    },
    regions: turnedRegions(renderer.regions, turn, width, height),
  };
}

/** Region PNGs of the page as given (`regions`, the source's) seen from a page turned `turn` clockwise. */
export function turnedRegions(
  regions: BarcodeRenderer["regions"],
  turn: Turn,
  width: number,
  height: number,
): BarcodeRenderer["regions"] {
  return async (pageNumber, boxes, dpi) => {
    const pngs = await regions(
      pageNumber,
      boxes.map((box) => boxBeforeTurn(box, turn, width, height)),
      dpi,
    );
    return Promise.all(
      pngs.map(async (png) => new Uint8Array(await sharp(png).rotate(turn).png().toBuffer())),
    );
  };
}

/** Pixels (RGBA or grey, kept so) turned `turn` degrees clockwise. */
export async function turnPixels(pixels: PagePixels, turn: Turn): Promise<PagePixels> {
  return pixelsOf(fromPixels(pixels).rotate(turn), pixels);
}
