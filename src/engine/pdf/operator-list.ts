/**
 * The part of a pdf.js operator list the graphics readers walk (opcodes and their arguments, in order),
 * and the opcode groups they share.
 */
import { OPS } from "pdfjs-dist/legacy/build/pdf.mjs";

export interface PdfOperatorList {
  readonly fnArray: readonly number[];
  readonly argsArray: readonly unknown[];
}

/** pdf.js DrawOPS: the opcodes inside a constructPath's Float32Array path buffer. */
export const MOVE_TO = 0;
export const LINE_TO = 1;
export const CURVE_TO = 2;
export const QUADRATIC_CURVE_TO = 3;
export const CLOSE_PATH = 4;

/** Paint operators that stroke the current path. */
export const STROKE_OPS: ReadonlySet<number> = new Set([
  OPS.stroke,
  OPS.closeStroke,
  OPS.fillStroke,
  OPS.eoFillStroke,
  OPS.closeFillStroke,
  OPS.closeEOFillStroke,
]);

/** Paint operators that fill the current path. */
export const FILL_OPS: ReadonlySet<number> = new Set([
  OPS.fill,
  OPS.eoFill,
  OPS.fillStroke,
  OPS.eoFillStroke,
  OPS.closeFillStroke,
  OPS.closeEOFillStroke,
]);
