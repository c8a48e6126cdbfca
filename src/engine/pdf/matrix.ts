/**
 * 2-D affine matrices in PDF's [a, b, c, d, e, f] form (x' = a·x + c·y + e, y' = b·x + d·y + f), used to
 * carry pdf.js text-space positions into page space through the viewport transform.
 */
import type { Point } from "../document/box.ts";

export type Matrix = readonly [number, number, number, number, number, number];

/** The matrix that applies `inner` first, then `outer` (pdf.js's Util.transform(outer, inner)). */
export function multiply(outer: Matrix, inner: Matrix): Matrix {
  const [a1, b1, c1, d1, e1, f1] = outer;
  const [a2, b2, c2, d2, e2, f2] = inner;
  return [
    a1 * a2 + c1 * b2,
    b1 * a2 + d1 * b2,
    a1 * c2 + c1 * d2,
    b1 * c2 + d1 * d2,
    a1 * e2 + c1 * f2 + e1,
    b1 * e2 + d1 * f2 + f1,
  ];
}

export function applyToPoint(matrix: Matrix, point: Point): Point {
  const [a, b, c, d, e, f] = matrix;
  return { x: a * point.x + c * point.y + e, y: b * point.x + d * point.y + f };
}

/** Reads a pdf.js transform (typed loosely upstream) into a Matrix; undefined when it is malformed. */
export function toMatrix(value: readonly unknown[]): Matrix | undefined {
  if (value.length !== 6 || !value.every((entry) => typeof entry === "number" && Number.isFinite(entry)))
    return undefined;
  return value as unknown as Matrix;
}

/**
 * A matrix argument of an operator: pdf.js passes some as plain arrays (transform) and others as typed
 * arrays (form XObject and text matrices). Undefined when it is neither or malformed.
 */
export function matrixArgument(value: unknown): Matrix | undefined {
  if (Array.isArray(value)) return toMatrix(value);
  if (ArrayBuffer.isView(value) && !(value instanceof DataView))
    return toMatrix(Array.from(value as unknown as ArrayLike<number>));
  return undefined;
}
