/**
 * Puts table blocks among a page's text blocks: lines whose words a table took leave their blocks
 * (emptied blocks go, the rest keep their other lines), and each table takes the place of the first
 * block it emptied, so text is never said twice. Reading order is settled later by reading-order/.
 */
import type { Block } from "../document/block.ts";
import { type Box, unionBoxes } from "../document/box.ts";
import type { Line } from "../document/line.ts";
import type { Table } from "../document/table.ts";
import type { Word } from "../document/word.ts";
import { codeBlockOf } from "../layout/code-blocks.ts";
import type { DetectedTable } from "./build-table.ts";

/** A line belongs to a table when at least this share of its characters are table words. */
const MIN_TAKEN_SHARE = 0.5;

export function placeTables(blocks: readonly Block[], tables: readonly DetectedTable[]): Block[] {
  if (tables.length === 0) return [...blocks];
  const owner = new Map<Word, number>();
  tables.forEach((table, index) => {
    for (const word of table.words) owner.set(word, index);
  });
  const tableLines: Line[][] = tables.map(() => []);
  const slots: (number | undefined)[] = tables.map(() => undefined);
  const result: (Block | number)[] = [];
  for (const block of blocks) {
    const kept: Line[] = [];
    for (const line of block.lines) {
      const table = lineOwner(line, owner);
      if (table === undefined) kept.push(line);
      else tableLines[table]!.push(line);
    }
    if (kept.length === block.lines.length) {
      result.push(block);
      continue;
    }
    // The first block a table empties (or shrinks) marks where the table goes: before what is left of
    // the block, or after it when the remaining lines stand above the table (a caption glued to it).
    const rest = kept.length > 0 ? withLines(block, kept) : undefined;
    const firstTable = block.lines
      .map((line) => lineOwner(line, owner))
      .find((table) => table !== undefined)!;
    const restFirst = rest?.box != null && rest.box.top < tables[firstTable]!.box.top;
    if (rest !== undefined && restFirst) result.push(rest);
    for (const line of block.lines) {
      const table = lineOwner(line, owner);
      if (table !== undefined && slots[table] === undefined) {
        slots[table] = result.length;
        result.push(table);
      }
    }
    if (rest !== undefined && !restFirst) result.push(rest);
  }
  const placed: Block[] = [];
  for (const entry of result)
    placed.push(typeof entry === "number" ? tableBlock(tables[entry]!, tableLines[entry]!) : entry);
  // Tables whose words were in no text block (layout left them out) go where their top says.
  tables.forEach((table, index) => {
    if (slots[index] !== undefined) return;
    const at = placed.findIndex((block) => block.box !== null && block.box.top > table.box.top);
    placed.splice(at < 0 ? placed.length : at, 0, tableBlock(table, []));
  });
  return placed;
}

function lineOwner(line: Line, owner: ReadonlyMap<Word, number>): number | undefined {
  const counts = new Map<number, number>();
  let total = 0;
  for (const word of line.words) {
    total += word.text.length;
    const table = owner.get(word);
    if (table !== undefined) counts.set(table, (counts.get(table) ?? 0) + word.text.length);
  }
  for (const [table, count] of counts) if (count >= MIN_TAKEN_SHARE * total) return table;
  return undefined;
}

/** The block with only some of its lines: text and box recomputed, everything else kept. */
function withLines(block: Block, lines: readonly Line[]): Block {
  if (block.code === true) return codeBlockOf(lines);
  // Key-value blocks hold one pair per line; other blocks are running text joined by spaces (a
  // hyphen at a line end joins without one, as layout/ does).
  let text = "";
  for (const line of lines) {
    if (text === "") text = line.text;
    else if (block.type === "key_value") text += `\n${line.text}`;
    else text += (/[-\u2010]$/u.test(text) ? "" : " ") + line.text;
  }
  return { ...block, text, box: unionBoxes(lines.map((line) => line.box)) ?? block.box, lines };
}

export function tableBlock(detected: DetectedTable, lines: readonly Line[]): Block {
  return {
    type: "table",
    text: tableText(detected.table),
    box: detected.box as Box,
    lines,
    table: detected.table,
  };
}

/** Plain text of a table, for consumers that read `text`: rows on lines, cells separated by tabs. */
export function tableText(table: Table): string {
  const rows = Array.from({ length: table.rowCount }, () => new Array<string>(table.columnCount).fill(""));
  for (const cell of table.cells) rows[cell.rowIndex]![cell.columnIndex] = cell.text.replace(/\s+/gu, " ");
  return rows.map((row) => row.join("\t")).join("\n");
}
