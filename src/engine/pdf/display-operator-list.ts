/**
 * A page's display operator list, the one pdf.js builds to render the page, read through a render that
 * draws nothing (its operationsFilter sees the list and skips every operator). Reading it this way rather
 * than with getOperatorList (a separate "oplist" intent) lets a later render of the same, still open
 * page (figure images) reuse the parsed list and decoded images instead of parsing the content stream a
 * third time. Annotations (form-field borders, stamps) are left out of what the graphics readers see.
 */
import { createCanvas } from "@napi-rs/canvas";
import { OPS } from "pdfjs-dist/legacy/build/pdf.mjs";
import type { PdfOperatorList } from "./operator-list.ts";
import type { PDFPageProxy } from "./pdfjs.ts";

export async function readDisplayOperatorList(page: PDFPageProxy): Promise<PdfOperatorList> {
  let captured: PdfOperatorList | undefined;
  const canvas = createCanvas(1, 1);
  try {
    await page.render({
      canvasContext: canvas.getContext("2d") as never,
      canvas: canvas as never,
      viewport: page.getViewport({ scale: 1 }),
      operationsFilter: (_index: number, list: PdfOperatorList) => {
        captured = list;
        return false;
      },
    }).promise;
  } finally {
    canvas.width = 0;
    canvas.height = 0;
  }
  return withoutAnnotations(captured ?? { fnArray: [], argsArray: [] });
}

/** The list without the operators between beginAnnotation and endAnnotation (a copy only if needed). */
export function withoutAnnotations(list: PdfOperatorList): PdfOperatorList {
  if (!list.fnArray.includes(OPS.beginAnnotation)) return list;
  const fnArray: number[] = [];
  const argsArray: unknown[] = [];
  let depth = 0;
  for (let index = 0; index < list.fnArray.length; index++) {
    const fn = list.fnArray[index]!;
    if (fn === OPS.beginAnnotation) depth++;
    else if (fn === OPS.endAnnotation) depth = Math.max(0, depth - 1);
    else if (depth === 0) {
      fnArray.push(fn);
      argsArray.push(list.argsArray[index]);
    }
  }
  return { fnArray, argsArray };
}
