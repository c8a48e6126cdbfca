/**
 * The spatial target's page content: the page's lines laid out in a monospace grid, each placed by its x
 * position and grouped into rows by its y position, so columns and indentation survive as whitespace.
 */
import type { Line } from "../document/line.ts";
import type { Page } from "../document/page.ts";

/** Vertical gaps become blank rows, one per one and a half line heights, at most this many. */
const MAX_BLANK_ROWS = 3;

/**
 * The page as layout-preserving text, or undefined when the page has no lines (sources without
 * geometry, empty pages): the caller keeps the markdown then. `verticalGroupingThreshold` (Extend's
 * advancedOptions option, 0.1–5.0, default 1) scales how far apart vertically two lines may be and
 * still share a row: their centres within threshold × half the typical line height.
 */
export function spatialText(page: Page, verticalGroupingThreshold = 1): string | undefined {
  const lines = page.lines.filter((line) => line.text.trim() !== "");
  if (lines.length === 0) return undefined;
  const charWidth =
    median(lines.filter((line) => line.text.length >= 3).map((line) => width(line) / line.text.length)) ??
    median(lines.map((line) => line.fontSize * 0.5))!;
  const lineHeight = median(lines.map((line) => line.box.bottom - line.box.top)) ?? 10;
  const reach = (verticalGroupingThreshold * lineHeight) / 2;

  const rows: Line[][] = [];
  for (const line of [...lines].sort((a, b) => centre(a) - centre(b) || a.box.left - b.box.left)) {
    const row = rows[rows.length - 1];
    if (row !== undefined && Math.abs(centre(line) - centre(row[0]!)) <= reach) row.push(line);
    else rows.push([line]);
  }

  const left = Math.min(...lines.map((line) => line.box.left));
  const out: string[] = [];
  let previousBottom: number | undefined;
  for (const row of rows) {
    const top = Math.min(...row.map((line) => line.box.top));
    if (previousBottom !== undefined) {
      const blanks = Math.min(
        MAX_BLANK_ROWS,
        Math.max(0, Math.round((top - previousBottom) / (lineHeight * 1.5))),
      );
      for (let n = 0; n < blanks; n++) out.push("");
    }
    previousBottom = Math.max(...row.map((line) => line.box.bottom));
    let text = "";
    for (const line of row.sort((a, b) => a.box.left - b.box.left)) {
      const column = Math.max(0, Math.round((line.box.left - left) / charWidth));
      // At least one space between pieces of a row, however close they are drawn.
      const at = text === "" ? column : Math.max(column, text.length + 1);
      text = text.padEnd(at, " ") + line.text;
    }
    out.push(text.trimEnd());
  }
  return out.join("\n");
}

function width(line: Line): number {
  return line.box.right - line.box.left;
}

function centre(line: Line): number {
  return (line.box.top + line.box.bottom) / 2;
}

function median(values: readonly number[]): number | undefined {
  const sorted = values.filter((value) => Number.isFinite(value) && value > 0).sort((a, b) => a - b);
  return sorted.length === 0 ? undefined : sorted[Math.floor(sorted.length / 2)];
}
