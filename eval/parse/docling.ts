/**
 * The docling part of the parse suite: per document, normalised edit distance to docling's markdown
 * (as written, and text only) and reading-order agreement with docling's JSON body order — for the
 * engine and for the raw pdf.js baseline, from the same bytes in the same run.
 */
import { readFile } from "node:fs/promises";
import { normalizedEditDistance } from "../metrics/edit-distance.ts";
import {
  type PositionedItem,
  type ReadingOrderScore,
  readingOrderAgreement,
} from "../metrics/reading-order.ts";
import type { Box } from "../metrics/region-match.ts";
import { markdownToText, normalizeWhitespace } from "../metrics/text-normalize.ts";
import { doclingCases } from "../support/corpus.ts";
import { runEngine } from "../support/engine-run.ts";
import { readBaseline } from "../support/pdfjs-baseline.ts";

export interface Pair<T> {
  readonly engine: T;
  readonly baseline: T;
}

export interface TruthAndEngine {
  readonly truth: number;
  readonly engine: number;
}

export interface DoclingRow {
  readonly name: string;
  readonly pages: number;
  /** Set when the engine failed the document; its scores are then those of an empty output. */
  readonly failure: string | undefined;
  readonly markdownDistance: Pair<number>;
  readonly textDistance: Pair<number>;
  readonly order: Pair<ReadingOrderScore> | undefined;
  /** Ground-truth structure vs what the engine emitted, for the "where we miss" diagnostics. */
  readonly structure: {
    readonly headings: TruthAndEngine;
    readonly tables: TruthAndEngine;
    /** Page header/footer items in the ground truth (docling leaves them out of its markdown). */
    readonly furniture: number;
  };
}

export interface TimedRows<Row> {
  readonly rows: readonly Row[];
  readonly engineMs: number;
  readonly baselineMs: number;
  readonly pages: number;
  /** Engine block types over the whole corpus part (type → count). */
  readonly blockTypes: Readonly<Record<string, number>>;
}

export async function evaluateDocling(
  corpus: string,
  log: (line: string) => void,
): Promise<TimedRows<DoclingRow>> {
  const rows: DoclingRow[] = [];
  let engineMs = 0;
  let baselineMs = 0;
  let pages = 0;
  const blockTypes: Record<string, number> = {};
  for (const entry of await doclingCases(corpus)) {
    const bytes = new Uint8Array(await readFile(entry.pdf));
    const truth = await readFile(entry.markdown, "utf8");
    const baselineStarted = performance.now();
    const baseline = await readBaseline(bytes);
    baselineMs += performance.now() - baselineStarted;
    const engine = await runEngine(bytes, `${entry.name}.pdf`);
    engineMs += engine.ms;
    const engineMarkdown = engine.ok ? engine.markdown : "";
    if (engine.ok)
      for (const block of engine.blocks) blockTypes[block.type] = (blockTypes[block.type] ?? 0) + 1;
    pages += baseline.pages.length;
    const reference = entry.json === undefined ? undefined : await doclingReference(entry.json);
    const engineUnits: PositionedItem[] = engine.ok
      ? engine.blocks.flatMap((block) => (block.box === null ? [] : [{ page: block.page, box: block.box }]))
      : [];
    const baselineUnits = baseline.pages.flatMap((page) =>
      page.items.map((item) => ({ page: page.number, box: item.box })),
    );
    const row: DoclingRow = {
      name: entry.name,
      pages: baseline.pages.length,
      failure: engine.ok ? undefined : engine.failure,
      markdownDistance: {
        engine: normalizedEditDistance(normalizeWhitespace(truth), normalizeWhitespace(engineMarkdown)),
        baseline: normalizedEditDistance(normalizeWhitespace(truth), normalizeWhitespace(baseline.text)),
      },
      textDistance: {
        engine: normalizedEditDistance(markdownToText(truth), markdownToText(engineMarkdown)),
        baseline: normalizedEditDistance(markdownToText(truth), markdownToText(baseline.text)),
      },
      order:
        reference === undefined
          ? undefined
          : {
              engine: readingOrderAgreement(reference.items, engineUnits),
              baseline: readingOrderAgreement(reference.items, baselineUnits),
            },
      structure: {
        headings: {
          truth: reference?.headings ?? 0,
          engine: engine.ok
            ? engine.blocks.filter((b) => b.type === "heading" || b.type === "section_heading").length
            : 0,
        },
        tables: { truth: reference?.tables ?? 0, engine: engine.ok ? engine.tables.length : 0 },
        furniture: reference?.furniture ?? 0,
      },
    };
    rows.push(row);
    log(
      `docling ${entry.name}: text distance ${row.textDistance.engine.toFixed(3)} (baseline ${row.textDistance.baseline.toFixed(3)})`,
    );
  }
  return { rows, engineMs, baselineMs, pages, blockTypes };
}

interface DoclingNode {
  readonly children?: readonly { readonly $ref: string }[];
  readonly text?: string;
  readonly label?: string;
  readonly content_layer?: string;
  readonly prov?: readonly {
    readonly page_no: number;
    readonly bbox: { l: number; t: number; r: number; b: number; coord_origin?: string };
  }[];
}

interface DoclingJson {
  readonly body: DoclingNode;
  readonly texts: readonly DoclingNode[];
  readonly groups?: readonly DoclingNode[];
  readonly tables?: readonly DoclingNode[];
  readonly pictures?: readonly DoclingNode[];
  readonly pages: Readonly<Record<string, { size: { width: number; height: number } }>>;
}

/**
 * The body's text items in reading order (depth first through groups, tables and pictures), boxes turned
 * to top-left points with the page height docling recorded; plus counts of headings, tables and
 * furniture (page headers/footers, which docling keeps out of its markdown).
 */
async function doclingReference(file: string) {
  const document = JSON.parse(await readFile(file, "utf8")) as DoclingJson;
  const items: PositionedItem[] = [];
  const collections: Record<string, readonly DoclingNode[] | undefined> = {
    texts: document.texts,
    groups: document.groups,
    tables: document.tables,
    pictures: document.pictures,
  };
  const visit = (node: DoclingNode, isText: boolean) => {
    const provenance = node.prov?.[0];
    if (isText && provenance !== undefined && (node.text ?? "").trim() !== "") {
      const height = document.pages[String(provenance.page_no)]?.size.height ?? 0;
      const { l, t, r, b, coord_origin } = provenance.bbox;
      const box: Box =
        coord_origin === "TOPLEFT"
          ? { left: l, top: t, right: r, bottom: b }
          : { left: l, top: height - t, right: r, bottom: height - b };
      items.push({ page: provenance.page_no, box });
    }
    for (const child of node.children ?? []) {
      const [, kind, index] = /^#\/(\w+)\/(\d+)$/u.exec(child.$ref) ?? [];
      const target = kind === undefined ? undefined : collections[kind]?.[Number(index)];
      if (target !== undefined) visit(target, kind === "texts");
    }
  };
  visit(document.body, false);
  return {
    items,
    headings: document.texts.filter((text) => text.label === "section_header" || text.label === "title")
      .length,
    tables: document.tables?.length ?? 0,
    furniture: document.texts.filter((text) => text.content_layer === "furniture").length,
  };
}
