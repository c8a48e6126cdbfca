/**
 * Regions of a page as its source renders them, for a page whose words and blocks OCR put in another
 * frame: turned a quarter or half to read it (the PNGs are turned alike, barcodes/turned-renderer.ts) and
 * straightened by a few degrees (each region becomes the upright box around where it lies on the page as
 * given, so the image holds all of the figure).
 */
import { turnedRegions } from "../barcodes/turned-renderer.ts";
import type { Page } from "../document/page.ts";
import { boxBeforeStraightening } from "../document/straighten.ts";
import type { RenderRegions } from "./figure-images.ts";

export function pageFrameRegions(page: Page, render: RenderRegions): RenderRegions {
  if (page.width === null || page.height === null) return render;
  const size = { width: page.width, height: page.height };
  const turn = page.turnedDegrees ?? 0;
  const turned = turn === 0 ? render : turnedRegions(render, turn, size.width, size.height);
  const degrees = page.straightenedDegrees;
  if (degrees === undefined || degrees === 0) return turned;
  return (pageNumber, regions, dpi) =>
    turned(
      pageNumber,
      regions.map((box) => boxBeforeStraightening(box, degrees, size)),
      dpi,
    );
}
