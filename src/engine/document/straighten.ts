/**
 * Small-angle straightening of a page (OCR's deskew): the raster is turned `degrees` clockwise about the
 * page centre so its text lines run level, and everything read from it (words, lines, blocks) is in that
 * straightened frame. `beforeStraightening` maps a point of that frame back to where it is on the page as
 * given, so reported boxes lie on the ink of the uploaded scan.
 */
import { type Box, boxAroundPoints, boxCorners, type Point } from "./box.ts";

export interface PageSize {
  readonly width: number;
  readonly height: number;
}

/** Where `point` (straightened frame) was before the page was turned `degrees` clockwise about its centre. */
export function beforeStraightening(point: Point, degrees: number, page: PageSize): Point {
  const radians = (degrees * Math.PI) / 180;
  const cos = Math.cos(radians);
  const sin = Math.sin(radians);
  const dx = point.x - page.width / 2;
  const dy = point.y - page.height / 2;
  return { x: dx * cos + dy * sin + page.width / 2, y: -dx * sin + dy * cos + page.height / 2 };
}

/** The upright box, in the straightened frame, around `box` of the page as given (found on its pixels). */
export function boxIntoStraightened(box: Box, degrees: number, page: PageSize): Box {
  return boxAroundPoints(boxCorners(box).map((corner) => beforeStraightening(corner, -degrees, page)))!;
}

/** The upright box, on the page as given, around `box` of the straightened frame. */
export function boxBeforeStraightening(box: Box, degrees: number, page: PageSize): Box {
  return boxAroundPoints(boxCorners(box).map((corner) => beforeStraightening(corner, degrees, page)))!;
}
