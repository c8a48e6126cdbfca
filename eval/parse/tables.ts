/**
 * The camelot + tabula part of the parse suite: each expected table (slot) is paired with at most one
 * engine table on the slot's pages, one-to-one, best pairs first; a pair's score is that of the slot's
 * best-scoring interpretation. Engine tables no slot claims are not penalised: the corpora assert only
 * some of the tables in their PDFs. The raw baseline has no notion of a table, so it scores 0 here.
 */
import { readFile } from "node:fs/promises";
import { type CellScores, scoreCells } from "../metrics/cell-match.ts";
import { addCounts, type Counts, f1, NO_COUNTS } from "../metrics/scores.ts";
import { cellKey } from "../metrics/text-normalize.ts";
import { camelotCases, type TableCase, tabulaCases } from "../support/corpus.ts";
import { type EngineTable, runEngine } from "../support/engine-run.ts";
import type { TimedRows } from "./docling.ts";

export interface TableRow {
  readonly corpus: "camelot" | "tabula";
  readonly name: string;
  readonly failure: string | undefined;
  readonly expectedTables: number;
  /** Engine tables on the pages the expected tables are on. */
  readonly engineTables: number;
  readonly matchedTables: number;
  readonly positional: Counts;
  readonly content: Counts;
}

export async function evaluateTables(
  corpus: string,
  log: (line: string) => void,
): Promise<TimedRows<TableRow>> {
  const cases = [...(await camelotCases(corpus)), ...(await tabulaCases(corpus))];
  const rows: TableRow[] = [];
  let engineMs = 0;
  let pages = 0;
  const blockTypes: Record<string, number> = {};
  for (const entry of cases) {
    const engine = await runEngine(new Uint8Array(await readFile(entry.pdf)), entry.name);
    engineMs += engine.ms;
    if (engine.ok) {
      pages += engine.pageCount;
      for (const block of engine.blocks) blockTypes[block.type] = (blockTypes[block.type] ?? 0) + 1;
    }
    const row = scoreCase(entry, engine.ok ? engine.tables : [], engine.ok ? undefined : engine.failure);
    rows.push(row);
    log(
      `${entry.corpus} ${entry.name}: cell F1 ${f1(row.positional).toFixed(3)} (${row.engineTables} engine tables)`,
    );
  }
  return { rows, engineMs, baselineMs: 0, pages, blockTypes };
}

export function scoreCase(
  entry: TableCase,
  tables: readonly EngineTable[],
  failure: string | undefined,
): TableRow {
  const onPages = (pages: readonly number[] | undefined) =>
    tables
      .map((table, index) => ({ table, index }))
      .filter(({ table }) => pages === undefined || pages.includes(table.page));
  const pairs: { slot: number; table: number; scores: CellScores }[] = [];
  entry.slots.forEach((slot, slotIndex) => {
    for (const { table, index } of onPages(slot.pages)) {
      let best: CellScores | undefined;
      for (const alternative of slot.alternatives) {
        const scores = scoreCells(alternative, table.cells);
        if (best === undefined || better(scores, best)) best = scores;
      }
      if (best !== undefined) pairs.push({ slot: slotIndex, table: index, scores: best });
    }
  });
  pairs.sort((a, b) => (better(a.scores, b.scores) ? -1 : better(b.scores, a.scores) ? 1 : 0));
  const usedSlots = new Set<number>();
  const usedTables = new Set<number>();
  let positional = NO_COUNTS;
  let content = NO_COUNTS;
  for (const pair of pairs) {
    if (usedSlots.has(pair.slot) || usedTables.has(pair.table) || pair.scores.content.correct === 0) continue;
    usedSlots.add(pair.slot);
    usedTables.add(pair.table);
    positional = addCounts(positional, pair.scores.positional);
    content = addCounts(content, pair.scores.content);
  }
  // A slot nothing matched still counts its cells as expected (the first interpretation's).
  entry.slots.forEach((slot, index) => {
    if (usedSlots.has(index)) return;
    const expected = (slot.alternatives[0] ?? []).filter((cell) => cellKey(cell.text) !== "").length;
    positional = addCounts(positional, { correct: 0, predicted: 0, expected });
    content = addCounts(content, { correct: 0, predicted: 0, expected });
  });
  const pagesWanted = entry.slots.some((slot) => slot.pages === undefined)
    ? undefined
    : entry.slots.flatMap((slot) => slot.pages ?? []);
  return {
    corpus: entry.corpus,
    name: entry.name,
    failure,
    expectedTables: entry.slots.length,
    engineTables: onPages(pagesWanted).length,
    matchedTables: usedSlots.size,
    positional,
    content,
  };
}

/** Positional F1 first, content F1 to break ties. */
function better(a: CellScores, b: CellScores): boolean {
  const byPosition = f1(a.positional) - f1(b.positional);
  return byPosition !== 0 ? byPosition > 0 : f1(a.content) > f1(b.content);
}
