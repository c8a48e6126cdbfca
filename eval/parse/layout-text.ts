/**
 * The spatial target against pdfplumber's layout-preserving text (corpus pdfplumber-layout-text: a
 * court transcript page, characters on a fixed grid, line numbers in the margin, colon-aligned
 * columns). Both sides lose trailing spaces, blank lines and their common left margin (pdfplumber pads
 * to the page's left edge, the spatial target starts at the leftmost text); then the share of
 * ground-truth lines reproduced exactly (as a multiset) and the normalised edit distance of the whole.
 * The raw pdf.js text, which keeps no layout, is the baseline in the same run.
 */
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { effectiveParseConfig } from "../../src/services/parse/effective-parse-config.ts";
import { normalizedEditDistance } from "../metrics/edit-distance.ts";
import { runEngine } from "../support/engine-run.ts";
import { readBaseline } from "../support/pdfjs-baseline.ts";

export interface LayoutTextRow {
  readonly name: string;
  readonly lines: number;
  readonly matched: { readonly engine: number; readonly baseline: number };
  readonly distance: { readonly engine: number; readonly baseline: number };
}

const SPATIAL = effectiveParseConfig({ target: "spatial" });

/** Every PDF of the corpus part with its layout text (`comparisons/<name>.txt`). */
export async function evaluateLayoutText(
  corpus: string,
  log: (line: string) => void,
): Promise<LayoutTextRow[]> {
  const folder = path.join(corpus, "pdfplumber-layout-text");
  const rows: LayoutTextRow[] = [];
  let files: string[];
  try {
    files = (await readdir(path.join(folder, "pdfs"))).filter((file) => file.endsWith(".pdf")).sort();
  } catch {
    return rows;
  }
  for (const file of files) {
    const name = file.slice(0, -".pdf".length);
    const bytes = new Uint8Array(await readFile(path.join(folder, "pdfs", file)));
    const truth = layoutLines(await readFile(path.join(folder, "comparisons", `${name}.txt`), "utf8"));
    const run = await runEngine(bytes, file, SPATIAL, "page");
    const engine = layoutLines(run.ok ? run.markdown : "");
    const baseline = layoutLines((await readBaseline(bytes)).text);
    const row: LayoutTextRow = {
      name,
      lines: truth.length,
      matched: { engine: matchedLines(engine, truth), baseline: matchedLines(baseline, truth) },
      distance: {
        engine: normalizedEditDistance(engine.join("\n"), truth.join("\n")),
        baseline: normalizedEditDistance(baseline.join("\n"), truth.join("\n")),
      },
    };
    log(
      `layout text ${name}: ${row.matched.engine}/${row.lines} lines exact, distance ${row.distance.engine.toFixed(3)}`,
    );
    rows.push(row);
  }
  return rows;
}

/** Non-blank lines without trailing spaces, shifted left by the margin they all share. */
export function layoutLines(text: string): string[] {
  const lines = text
    .split("\n")
    .map((line) => line.replace(/\s+$/u, ""))
    .filter((line) => line !== "");
  const margin = Math.min(...lines.map((line) => line.length - line.trimStart().length));
  return lines.map((line) => line.slice(margin));
}

/** How many lines of `truth` appear in `lines` (each line of `lines` used once). */
export function matchedLines(lines: readonly string[], truth: readonly string[]): number {
  const available = new Map<string, number>();
  for (const line of lines) available.set(line, (available.get(line) ?? 0) + 1);
  let matched = 0;
  for (const line of truth) {
    const left = available.get(line) ?? 0;
    if (left === 0) continue;
    available.set(line, left - 1);
    matched++;
  }
  return matched;
}
