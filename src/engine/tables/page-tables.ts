/**
 * The tables stage's work on one page: detect tables from the page's words and ruling lines, copy
 * headers onto continued tables when asked, and put the table blocks in place of the text blocks that
 * held their words. Runs after layout/ has built text blocks and before reading-order/ orders them.
 */
import type { Page } from "../document/page.ts";
import type { Word } from "../document/word.ts";
import type { DetectedTable } from "./build-table.ts";
import { drawingBoxes } from "./chart-area.ts";
import { continueHeader, lastTable } from "./continue-header.ts";
import { detectTables } from "./detect-tables.ts";
import { placeTables } from "./place-tables.ts";

export interface PageTableOptions {
  /** Extend's tableHeaderContinuationEnabled. */
  readonly headerContinuation: boolean;
}

/** Updates `page.blocks`; `previous` is the page before (for header continuation). Returns the tables. */
export function tablePage(
  page: Page,
  previous: Page | undefined,
  options: PageTableOptions,
): DetectedTable[] {
  if (page.words.length === 0 || page.width === null || page.height === null) return [];
  // Words of display formulas (formulas/ runs first) are not table cells.
  const formulaWords = new Set(
    page.blocks
      .filter((block) => block.type === "formula")
      .flatMap((block) => block.lines.flatMap((line) => line.words)),
  );
  let tables = detectTables({
    words: formulaWords.size === 0 ? page.words : page.words.filter((word) => !formulaWords.has(word)),
    rulings: page.rulings ?? [],
    shades: page.shades ?? [],
    drawings: drawingBoxes(page.graphics?.paths ?? []),
    width: page.width,
    height: page.height,
  });
  // Columns of a code listing line up by the character grid, not as a table; ruled tables stand.
  const codeWords = new Set(
    page.blocks
      .filter((block) => block.code === true)
      .flatMap((block) => block.lines.flatMap((line) => line.words)),
  );
  if (codeWords.size > 0)
    tables = tables.filter(
      (detected) => detected.table.method === "lattice" || !mostlyIn(detected.words, codeWords),
    );
  if (tables.length === 0) return tables;
  if (options.headerContinuation && previous !== undefined) {
    const [first, ...rest] = tables;
    const table = continueHeader(first!.table, lastTable(previous.blocks));
    if (table !== first!.table) tables = [{ ...first!, table }, ...rest];
  }
  page.blocks = placeTables(page.blocks, tables);
  return tables;
}

/** At least half of the words' characters are in `set`. */
function mostlyIn(words: readonly Word[], set: ReadonlySet<Word>): boolean {
  let inside = 0;
  let all = 0;
  for (const word of words) {
    all += word.text.length;
    if (set.has(word)) inside += word.text.length;
  }
  return all > 0 && inside * 2 >= all;
}
