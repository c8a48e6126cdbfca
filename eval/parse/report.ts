/**
 * Markdown for the parse suite: the summary against the issue's targets, runtimes, per-document tables
 * and automatic observations. The same text goes to stdout and, with --write, into docs/QUALITY.md.
 */
import type { ReadingOrderScore } from "../metrics/reading-order.ts";
import { addCounts, type Counts, f1, NO_COUNTS, precision, recall } from "../metrics/scores.ts";
import type { Provenance } from "../support/quality-doc.ts";
import type { DoclingRow, TimedRows } from "./docling.ts";
import type { IcdarRow } from "./icdar.ts";
import type { LayoutTextRow } from "./layout-text.ts";
import type { TableRow } from "./tables.ts";

export interface ParseResults {
  readonly docling: TimedRows<DoclingRow>;
  readonly tables: TimedRows<TableRow>;
  readonly icdar: TimedRows<IcdarRow>;
  /** The spatial target against pdfplumber's layout text (none when that corpus part is absent). */
  readonly layoutText: readonly LayoutTextRow[];
  readonly totalMs: number;
}

/** "Clearly better than the baseline": at least this much lower normalised edit distance, absolute. */
export const CLEARLY_BETTER = 0.05;

const fixed = (value: number) => value.toFixed(3);
const mean = (values: readonly number[]) =>
  values.length === 0 ? 0 : values.reduce((sum, value) => sum + value, 0) / values.length;
const orderScore = (score: ReadingOrderScore) => (score.pairs === 0 ? 0 : score.concordant / score.pairs);
const sumCounts = (counts: readonly Counts[]) => counts.reduce(addCounts, NO_COUNTS);
const prf = (counts: Counts) =>
  `${fixed(precision(counts))} / ${fixed(recall(counts))} / ${fixed(f1(counts))}`;
const met = (ok: boolean) => (ok ? "yes" : "**no**");

function table(header: readonly string[], rows: readonly (readonly (string | number)[])[]): string {
  const line = (cells: readonly (string | number)[]) => `| ${cells.join(" | ")} |`;
  return [line(header), line(header.map(() => "---")), ...rows.map(line)].join("\n");
}

export function summary(results: ParseResults) {
  const { docling, tables, icdar } = results;
  const withOrder = docling.rows.filter((row) => row.order !== undefined);
  const icdarEngine = icdar.rows.map((row) => row.scores.engine);
  const icdarBaseline = icdar.rows.map((row) => row.scores.baseline);
  return {
    markdown: {
      engine: mean(docling.rows.map((row) => row.markdownDistance.engine)),
      baseline: mean(docling.rows.map((row) => row.markdownDistance.baseline)),
    },
    text: {
      engine: mean(docling.rows.map((row) => row.textDistance.engine)),
      baseline: mean(docling.rows.map((row) => row.textDistance.baseline)),
    },
    order: {
      engine: mean(withOrder.map((row) => orderScore(row.order!.engine))),
      baseline: mean(withOrder.map((row) => orderScore(row.order!.baseline))),
    },
    cells: sumCounts(tables.rows.map((row) => row.positional)),
    content: sumCounts(tables.rows.map((row) => row.content)),
    regions: {
      engine: sumCounts(icdarEngine.map((s) => s.regions)),
      baseline: sumCounts(icdarBaseline.map((s) => s.regions)),
    },
    characters: {
      engine: sumCounts(icdarEngine.map((s) => s.characters)),
      baseline: sumCounts(icdarBaseline.map((s) => s.characters)),
    },
    adjacency: {
      engine: sumCounts(icdarEngine.map((s) => s.adjacency)),
      baseline: sumCounts(icdarBaseline.map((s) => s.adjacency)),
    },
  };
}

export function renderReport(results: ParseResults, origin: Provenance): string {
  const s = summary(results);
  const { docling, tables, icdar } = results;
  const expectedCells = (s.cells.expected / Math.max(1, tables.rows.length)).toFixed(0);
  const parts: string[] = [
    `## parse — ${origin.date}, commit ${origin.commit}`,
    `Machine: ${origin.machine}. Run: \`npm run eval -- parse\` (${(results.totalMs / 1000).toFixed(1)} s in total).`,
    "### Summary",
    table(
      ["metric", "Quire", "baseline (raw pdf.js)", "target", "met"],
      [
        [
          `docling: mean normalised edit distance, markdown as written (${docling.rows.length} docs, lower is better)`,
          fixed(s.markdown.engine),
          fixed(s.markdown.baseline),
          `≤ 0.15 and ≥ ${CLEARLY_BETTER} below baseline`,
          met(s.markdown.engine <= 0.15 && s.markdown.engine <= s.markdown.baseline - CLEARLY_BETTER),
        ],
        [
          "docling: mean normalised edit distance, text only",
          fixed(s.text.engine),
          fixed(s.text.baseline),
          "—",
          "—",
        ],
        [
          "docling: reading order, same-page pairs in order (mean)",
          fixed(s.order.engine),
          fixed(s.order.baseline),
          "—",
          "—",
        ],
        [
          `camelot + tabula: cell F1, positional (${tables.rows.length} PDFs, ${s.cells.expected} expected cells)`,
          fixed(f1(s.cells)),
          "0 (no tables)",
          "≥ 0.90",
          met(f1(s.cells) >= 0.9),
        ],
        [
          "camelot + tabula: cell content F1 (multiset, positions ignored)",
          fixed(f1(s.content)),
          "0 (no tables)",
          "—",
          "—",
        ],
        [
          `ICDAR 2013: table detection F1, IoU ≥ 0.5 (${icdar.rows.length} docs, ${s.regions.engine.expected} regions)`,
          fixed(f1(s.regions.engine)),
          fixed(f1(s.regions.baseline)),
          "≥ 0.90",
          met(f1(s.regions.engine) >= 0.9),
        ],
        [
          "ICDAR 2013: table location, character P / R / F1",
          prf(s.characters.engine),
          prf(s.characters.baseline),
          "—",
          "—",
        ],
        [
          `ICDAR 2013: cell adjacency relations P / R / F1 (${s.adjacency.engine.expected} relations)`,
          prf(s.adjacency.engine),
          prf(s.adjacency.baseline),
          "F1 ≥ 0.85",
          met(f1(s.adjacency.engine) >= 0.85),
        ],
        ...results.layoutText.map((row) => [
          `pdfplumber layout text, spatial target (${row.name}): lines exact / normalised edit distance`,
          `${row.matched.engine}/${row.lines} / ${fixed(row.distance.engine)}`,
          `${row.matched.baseline}/${row.lines} / ${fixed(row.distance.baseline)}`,
          "—",
          "—",
        ]),
      ],
    ),
    "### Runtime",
    table(
      ["corpus part", "documents", "pages", "engine s", "engine pages/s", "baseline s"],
      (
        [
          ["docling-groundtruth", docling],
          ["camelot + tabula", tables],
          ["icdar2013", icdar],
        ] as const
      ).map(([name, part]) => [
        name,
        part.rows.length,
        part.pages,
        (part.engineMs / 1000).toFixed(1),
        (part.pages / Math.max(0.001, part.engineMs / 1000)).toFixed(1),
        part.baselineMs === 0 ? "—" : (part.baselineMs / 1000).toFixed(1),
      ]),
    ),
    "Engine time is parseDocument wall time in this process (one document at a time, no worker pool); the baseline is pdf.js text extraction alone. The table part runs no baseline: it has no tables to score.",
    "### How the figures are computed",
    METHOD,
    "### Observations (automatic)",
    observations(results),
    "### docling-groundtruth, per document",
    table(
      [
        "document",
        "pages",
        "ED md Quire",
        "ED md base",
        "ED text Quire",
        "ED text base",
        "order Quire (pairs)",
        "order base",
        "headings GT / Quire",
        "tables GT / Quire",
      ],
      docling.rows.map((row) => [
        row.failure === undefined ? row.name : `${row.name} (engine failed: ${row.failure})`,
        row.pages,
        fixed(row.markdownDistance.engine),
        fixed(row.markdownDistance.baseline),
        fixed(row.textDistance.engine),
        fixed(row.textDistance.baseline),
        row.order === undefined ? "—" : `${fixed(orderScore(row.order.engine))} (${row.order.engine.pairs})`,
        row.order === undefined ? "—" : fixed(orderScore(row.order.baseline)),
        `${row.structure.headings.truth} / ${row.structure.headings.engine}`,
        `${row.structure.tables.truth} / ${row.structure.tables.engine}`,
      ]),
    ),
    "### camelot + tabula, per PDF",
    `Cells counted are non-empty expected cells (about ${expectedCells} per PDF). "engine tables" counts the engine's tables on the expected tables' pages.`,
    table(
      ["corpus", "document", "expected tables", "engine tables", "matched", "cell P / R / F1", "content F1"],
      tables.rows.map((row) => [
        row.corpus,
        row.failure === undefined ? row.name : `${row.name} (engine failed)`,
        row.expectedTables,
        row.engineTables,
        row.matchedTables,
        prf(row.positional),
        fixed(f1(row.content)),
      ]),
    ),
    "### ICDAR 2013, per document (Quire; the baseline is 0 everywhere)",
    table(
      [
        "document",
        "GT regions",
        "engine tables",
        "IoU matches",
        "chars P / R",
        "complete / pure",
        "adjacency P / R / F1",
      ],
      icdar.rows.map((row) => {
        const e = row.scores.engine;
        return [
          row.interpretation === row.name ? row.name : `${row.name} (as ${row.interpretation})`,
          e.regions.expected,
          row.engineTables,
          e.regions.correct,
          `${fixed(precision(e.characters))} / ${fixed(recall(e.characters))}`,
          `${e.completeRegions} / ${e.pureRegions}`,
          prf(e.adjacency),
        ];
      }),
    ),
  ];
  return `${parts.join("\n\n")}\n`;
}

const METHOD = [
  "- **Engine**: `parseDocument` on the file's bytes, format from `detectFormat`, the effective default parse config (as a parse run gets it) plus `cellBlocksEnabled`, document chunking. **Baseline**: pdf.js `getTextContent` items of each page joined in content-stream order (an item flagged end-of-line adds a newline), no layout analysis; it emits no tables.",
  "- **Edit distance** (docling `pdf/groundtruth/*.md`, 11 documents; `skipped_*` have no ground truth): Levenshtein over code points / the longer length, after NFKC and collapsing whitespace. *Markdown as written* compares the engine's markdown as is (the baseline has none); *text only* first strips markdown syntax (headings, list markers, emphasis, table pipes and delimiter rows, HTML tags and comments, link syntax, backslash escapes) from both sides. Reported as the mean over documents. *Clearly better* means at least 0.05 lower than the baseline.",
  "- **Reading order** (docling `*.json`): the body tree's text items in order, boxes converted from bottom-left to top-left with docling's page height. An output unit (engine block / baseline text item) belongs to an item when they overlap by ≥ half of the smaller box; an item's position is the median index of its units. Score = share of same-page item pairs, at different positions, in the reference's order ((1 + Kendall's τ) / 2 without ties); mean over documents.",
  "- **Cells** (camelot `cases.json`, tabula `expected/`): cells with text only, compared by key (NFKC, whitespace removed, characters other than letters and digits → `_`). *Positional*: same key at the same (row, col) after shifting the prediction by the single (Δrow, Δcol) that aligns most cells. *Content*: multiset of keys. Each expected table is paired one-to-one with an engine table on its pages (camelot `pages`, default 1; tabula JSON `page_number`; any page for tabula CSVs), best pairs first; its score is that of its best interpretation (camelot flavors asserting different expected tables for the same table; tabula JSON/CSV/`_basic` variants). Unclaimed engine tables cost nothing (the corpora assert only some tables); unmatched expected tables count all their cells as missed. Camelot cases using `copy_text`, `shift_text`, `split_text`, `flag_size` or `strip_text` are left out (camelot-specific text post-processing). Micro-averaged over cells.",
  "- **ICDAR 2013 detection** (`*-reg.xml`, converted to top-left points with the page's pdf.js viewport): regions matched one-to-one per page by IoU ≥ 0.5 — precision over engine tables, recall over ground-truth regions (a table spanning pages has one region per page). *Characters*: the competition's sub-object measure with pdf.js character centres. Alternative ground truths (`*a`/`*b`) — the better one counts.",
  "- **Layout text** (pdfplumber `comparisons/*.txt`, its `extract_text(layout=True)`): the engine's `spatial` target, page chunks joined; both sides lose trailing spaces, blank lines and the left margin all their lines share. *Lines exact*: ground-truth lines reproduced character for character (as a multiset); the edit distance is over the whole text. The baseline is pdf.js's text as above.",
  "- **ICDAR 2013 structure** (`*-str.xml`): the competition's adjacency relations — each non-blank cell with its nearest non-blank neighbour to the right and below (spanning cells relate along their whole span), as (key, key, direction) — compared as multisets per document against every table the engine emitted (detection and structure together, so spurious tables cost precision). Micro-averaged over relations.",
].join("\n");

function observations(results: ParseResults): string {
  const { docling, tables, icdar } = results;
  const lines: string[] = [];
  const types = (counts: Readonly<Record<string, number>>) =>
    Object.entries(counts)
      .sort(([, a], [, b]) => b - a)
      .map(([type, count]) => `${type} ${count}`)
      .join(", ") || "none";
  lines.push(
    `- Engine block types — docling: ${types(docling.blockTypes)}; camelot + tabula: ${types(tables.blockTypes)}; ICDAR: ${types(icdar.blockTypes)}.`,
  );
  const gtHeadings = docling.rows.reduce((n, row) => n + row.structure.headings.truth, 0);
  const engineHeadings = docling.rows.reduce((n, row) => n + row.structure.headings.engine, 0);
  const gtTables = docling.rows.reduce((n, row) => n + row.structure.tables.truth, 0);
  const engineTables = docling.rows.reduce((n, row) => n + row.structure.tables.engine, 0);
  const furniture = docling.rows.reduce((n, row) => n + row.structure.furniture, 0);
  lines.push(
    `- docling ground truth has ${gtHeadings} headings and ${gtTables} tables; the engine emitted ${engineHeadings} heading blocks and ${engineTables} tables on the same documents. Docling keeps ${furniture} page headers/footers out of its markdown; engine blocks of type header/footer/page_number: ${docling.rows.length === 0 ? 0 : ["header", "footer", "page_number"].reduce((n, type) => n + (docling.blockTypes[type] ?? 0), 0)}.`,
  );
  const worst = [...docling.rows].sort((a, b) => b.textDistance.engine - a.textDistance.engine).slice(0, 3);
  lines.push(
    `- Worst docling documents by text-only distance: ${worst.map((row) => `${row.name} ${fixed(row.textDistance.engine)} (baseline ${fixed(row.textDistance.baseline)})`).join("; ")}.`,
  );
  const worse = docling.rows.filter((row) => row.textDistance.engine > row.textDistance.baseline + 0.005);
  if (worse.length > 0)
    lines.push(
      `- Text-only distance worse than the raw baseline on: ${worse.map((row) => row.name).join(", ")}.`,
    );
  const emitted = tables.rows.reduce((n, row) => n + row.engineTables, 0);
  const expected = tables.rows.reduce((n, row) => n + row.expectedTables, 0);
  lines.push(
    `- camelot + tabula: ${expected} expected tables; the engine emitted ${emitted} tables on their pages and matched ${tables.rows.reduce((n, row) => n + row.matchedTables, 0)}.`,
  );
  const icdarTables = icdar.rows.reduce((n, row) => n + row.engineTables, 0);
  const regions = icdar.rows.reduce((n, row) => n + row.scores.engine.regions.expected, 0);
  lines.push(
    `- ICDAR 2013: ${regions} ground-truth table regions; the engine emitted ${icdarTables} tables.`,
  );
  const failures = [...docling.rows, ...tables.rows, ...icdar.rows].filter(
    (row) => row.failure !== undefined,
  );
  lines.push(
    failures.length === 0
      ? "- The engine parsed every document (no failed outcomes)."
      : `- Engine failures: ${failures.map((row) => `${row.name} (${row.failure})`).join("; ")}.`,
  );
  return lines.join("\n");
}
