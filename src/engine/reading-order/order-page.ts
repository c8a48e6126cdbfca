/**
 * Puts a page's blocks (text from layout/, tables from tables/) into reading order — XY-cut, or the OCR
 * engine's order on OCR'd pages — and, now that the order is known, sets the nesting levels of its list
 * items.
 */
import type { Page } from "../document/page.ts";
import { nestListItems } from "./list-levels.ts";
import { orderByOcrSequence } from "./ocr-order.ts";
import { orderBlocks } from "./order-blocks.ts";

export function orderPage(page: Page): void {
  if (page.blocks.length < 2) {
    page.blocks = nestListItems(page.blocks);
    return;
  }
  const ordered = orderBlocks(page.blocks, isRightToLeft(page));
  // An OCR'd page reads in the engine's order (ocr-order.ts); XY-cut places what OCR did not read.
  page.blocks = nestListItems(orderByOcrSequence(ordered, page.words) ?? ordered);
}

/** Most of the page's line text runs right to left (Arabic, Hebrew): columns then read from the right. */
function isRightToLeft(page: Page): boolean {
  let rtl = 0;
  let ltr = 0;
  for (const line of page.lines) {
    if (line.direction === "rtl") rtl += line.text.length;
    else ltr += line.text.length;
  }
  return rtl > ltr;
}
