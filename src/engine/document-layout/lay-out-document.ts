/**
 * The layout decisions that need every page: page furniture (repetition across pages), headings (whose
 * levels rank the styles of the whole document) and line-end hyphens (whose words the document spells
 * elsewhere). Runs once after the page loop, over blocks already in
 * reading order; it keeps no per-word state, so its cost is one pass over the document's blocks.
 */
import type { Page } from "../document/page.ts";
import { dehyphenate } from "./dehyphenate.ts";
import { documentBodyStyle, markHeadings } from "./headings.ts";
import { markPageFurniture } from "./page-furniture.ts";

export function layOutDocument(pages: readonly Page[]): void {
  const body = documentBodyStyle(pages);
  if (body.characters === 0) return;
  markPageFurniture(pages, body.size);
  markHeadings(pages, body);
  dehyphenate(pages);
}
