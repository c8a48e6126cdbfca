/**
 * Axis-aligned rectangles and points in page space: PDF points (1/72 inch) with the origin at the
 * top-left corner of the page as displayed (after /Rotate), y growing downwards — Extend's block space.
 */

export interface Point {
  readonly x: number;
  readonly y: number;
}

/** Edges in points from the page's left and top edges; invariant: left ≤ right and top ≤ bottom. */
export interface Box {
  readonly left: number;
  readonly top: number;
  readonly right: number;
  readonly bottom: number;
}

export function boxWidth(box: Box): number {
  return box.right - box.left;
}

export function boxHeight(box: Box): number {
  return box.bottom - box.top;
}

/** The smallest box around the given points; undefined for no points. */
/** The box's corners clockwise from the top-left (the order of Extend's block polygons). */
export function boxCorners(box: Box): [Point, Point, Point, Point] {
  return [
    { x: box.left, y: box.top },
    { x: box.right, y: box.top },
    { x: box.right, y: box.bottom },
    { x: box.left, y: box.bottom },
  ];
}

export function boxAroundPoints(points: readonly Point[]): Box | undefined {
  if (points.length === 0) return undefined;
  let left = Number.POSITIVE_INFINITY;
  let top = Number.POSITIVE_INFINITY;
  let right = Number.NEGATIVE_INFINITY;
  let bottom = Number.NEGATIVE_INFINITY;
  for (const { x, y } of points) {
    left = Math.min(left, x);
    right = Math.max(right, x);
    top = Math.min(top, y);
    bottom = Math.max(bottom, y);
  }
  return { left, top, right, bottom };
}

/** Whether `inner` lies wholly in `outer` (edges included). */
export function boxInside(inner: Box, outer: Box): boolean {
  return (
    inner.left >= outer.left &&
    inner.right <= outer.right &&
    inner.top >= outer.top &&
    inner.bottom <= outer.bottom
  );
}

/** Whether the centre of `inner` lies in `outer` (edges included). */
export function centreInside(inner: Box, outer: Box): boolean {
  const x = (inner.left + inner.right) / 2;
  const y = (inner.top + inner.bottom) / 2;
  return x >= outer.left && x <= outer.right && y >= outer.top && y <= outer.bottom;
}

/** The smallest box around all the given boxes; undefined for none. */
export function unionBoxes(boxes: Iterable<Box>): Box | undefined {
  let result: Box | undefined;
  for (const box of boxes) {
    result =
      result === undefined
        ? box
        : {
            left: Math.min(result.left, box.left),
            top: Math.min(result.top, box.top),
            right: Math.max(result.right, box.right),
            bottom: Math.max(result.bottom, box.bottom),
          };
  }
  return result;
}

/** The part of `box` inside `bounds`; undefined when they do not overlap (text drawn off the page). */
export function clipBox(box: Box, bounds: Box): Box | undefined {
  const left = Math.max(box.left, bounds.left);
  const top = Math.max(box.top, bounds.top);
  const right = Math.min(box.right, bounds.right);
  const bottom = Math.min(box.bottom, bounds.bottom);
  if (left > right || top > bottom) return undefined;
  return { left, top, right, bottom };
}

/** Length of the overlap of two intervals, 0 when disjoint. */
export function overlapLength(start1: number, end1: number, start2: number, end2: number): number {
  return Math.max(0, Math.min(end1, end2) - Math.max(start1, start2));
}
