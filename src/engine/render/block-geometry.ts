/**
 * A block's polygon and bounding box on the wire, in page points with a top-left origin. On a page OCR
 * straightened (Page.straightenedDegrees) the box is in the straightened frame; its corners are put back
 * where the ink is on the page as given, so the polygon is the slightly turned rectangle around the text
 * and the bounding box the upright box around that.
 */
import type { Extend } from "extend-ai";
import { type Box, boxCorners, type Point } from "../document/box.ts";
import type { Page } from "../document/page.ts";
import { beforeStraightening } from "../document/straighten.ts";
import { roundPoints } from "./block-id.ts";

export function blockGeometry(box: Box | null, page: Page): Pick<Extend.Block, "polygon" | "boundingBox"> {
  if (box === null) return { polygon: [], boundingBox: { left: null, top: null, right: null, bottom: null } };
  // Clockwise from the top-left corner.
  let corners: Point[] = boxCorners(box);
  const degrees = page.straightenedDegrees;
  if (degrees !== undefined && degrees !== 0 && page.width !== null && page.height !== null) {
    const size = { width: page.width, height: page.height };
    corners = corners.map((corner) => beforeStraightening(corner, degrees, size));
  }
  const polygon = corners.map((corner) => ({ x: roundPoints(corner.x), y: roundPoints(corner.y) }));
  const xs = polygon.map((point) => point.x);
  const ys = polygon.map((point) => point.y);
  return {
    polygon,
    boundingBox: {
      left: Math.min(...xs),
      top: Math.min(...ys),
      right: Math.max(...xs),
      bottom: Math.max(...ys),
    },
  };
}
