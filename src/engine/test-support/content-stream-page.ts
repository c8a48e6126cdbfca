/**
 * The one page of a PDF made from a raw content stream (contentStreamPdf), read by the PDF source as a
 * parse reads it: words with the sizes and positions the engine gives them. Test support only.
 */
import assert from "node:assert/strict";
import type { Page } from "../document/page.ts";
import { openPdf } from "../pdf/open-pdf.ts";
import { contentStreamPdf } from "./pdf-fixtures.ts";

export async function contentStreamPage(content: string): Promise<Page> {
  const opened = await openPdf(contentStreamPdf(content), { maxPages: 1 });
  assert.ok(opened.ok);
  try {
    return await opened.source.readPage(1);
  } finally {
    await opened.source.close();
  }
}
