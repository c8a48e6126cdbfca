/** The part of a pdf.js operator list the graphics readers walk: opcodes and their arguments, in order. */
export interface PdfOperatorList {
  readonly fnArray: readonly number[];
  readonly argsArray: readonly unknown[];
}
