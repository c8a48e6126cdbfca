/**
 * Runs Quire's engine on one file exactly as a parse run would (format detection, the effective default
 * config) and flattens the wire output into what the metrics read: document markdown, top-level blocks
 * in output order, and tables as cells. Nothing here knows any corpus file: the harness measures
 * whatever the engine currently emits.
 */
import type { Extend } from "extend-ai";
import type { PdfConverterSettings } from "../../src/engine/convert/convert-to-pdf.ts";
import { findSoffice } from "../../src/engine/convert/soffice.ts";
import { DETECTION_HEAD_BYTES, detectFormat } from "../../src/engine/ingest/detect-format.ts";
import { parseDocument } from "../../src/engine/pipeline/parse-document.ts";
import {
  type EffectiveParseConfig,
  effectiveParseConfig,
} from "../../src/services/parse/effective-parse-config.ts";
import type { Box } from "../metrics/region-match.ts";
import { parseTableContent, type TableCell } from "../metrics/table-grid.ts";
import { markdownToText } from "../metrics/text-normalize.ts";

export interface EngineBlock {
  /** 1-based; 0 when the block has no page metadata. */
  readonly page: number;
  readonly type: string;
  readonly box: Box | null;
  readonly content: string;
}

export interface EngineTable {
  readonly page: number;
  readonly box: Box | null;
  readonly cells: readonly TableCell[];
  /** Where the structure came from: cell children, or the block's markdown/HTML content. */
  readonly source: "children" | "content";
}

export type EngineRun =
  | {
      readonly ok: true;
      readonly markdown: string;
      readonly blocks: readonly EngineBlock[];
      readonly tables: readonly EngineTable[];
      readonly pageCount: number;
      readonly ms: number;
    }
  | { readonly ok: false; readonly failure: string; readonly ms: number };

// The defaults a parse run gets, plus cell blocks: when the engine can say which cell is where, the
// harness should score that rather than re-parse rendered markdown.
const CONFIG = effectiveParseConfig({ blockOptions: { tables: { cellBlocksEnabled: true } } });
const MAX_PAGES = 2000;

// LibreOffice when installed, as a server finds it (LIBREOFFICE_PATH=auto): legacy Office, ODS/ODP and
// RTF are read by way of PDF, and the harness should score what a server would return.
let converter: Promise<PdfConverterSettings> | undefined;
function pdfConverter(): Promise<PdfConverterSettings> {
  converter ??= findSoffice(undefined).then((sofficePath) => ({
    sofficePath,
    timeoutMs: 120_000,
    concurrency: 1,
  }));
  return converter;
}

/**
 * `config` defaults to what a parse run gets (plus cell blocks), chunked as one document; the
 * layout-text part asks for the `spatial` target, which Extend renders only in page chunks.
 */
export async function runEngine(
  bytes: Uint8Array,
  fileName: string,
  config: EffectiveParseConfig = CONFIG,
  chunking: "document" | "page" = "document",
): Promise<EngineRun> {
  const { format } = detectFormat(bytes.subarray(0, DETECTION_HEAD_BYTES), fileName);
  const started = performance.now();
  let outcome: Awaited<ReturnType<typeof parseDocument>>;
  try {
    // The engine takes ownership of the buffer (pdf.js detaches it); callers keep their own copy.
    outcome = await parseDocument(bytes.slice(), {
      format,
      maxPages: MAX_PAGES,
      chunking,
      config,
      pdfConverter: await pdfConverter(),
    });
  } catch (error) {
    // parseDocument should only reject on abort; a throw is an engine defect, scored as empty output so
    // one broken document does not hide the figures of the others.
    const message = error instanceof Error ? error.message : String(error);
    return { ok: false, failure: `engine threw: ${message}`, ms: performance.now() - started };
  }
  const ms = performance.now() - started;
  if (outcome.status === "failure") {
    return { ok: false, failure: `${outcome.failureReason}: ${outcome.failureMessage}`, ms };
  }
  const topLevel = outcome.output.chunks.flatMap((chunk) => chunk.blocks);
  return {
    ok: true,
    markdown: outcome.output.chunks.map((chunk) => chunk.content).join("\n\n"),
    blocks: topLevel.map((block) => ({
      page: block.metadata.page?.number ?? 0,
      type: block.type,
      box: boxOf(block),
      content: block.content,
    })),
    tables: topLevel.filter((block) => block.type === "table").map(tableOf),
    pageCount: outcome.pageCount,
    ms,
  };
}

function boxOf(block: Extend.Block): Box | null {
  const { left, top, right, bottom } = block.boundingBox;
  if (left == null || top == null || right == null || bottom == null) return null;
  return { left, top, right, bottom };
}

function tableOf(block: Extend.Block): EngineTable {
  const page = block.metadata.page?.number ?? 0;
  const cells = (block.children ?? []).flatMap((child): TableCell[] => {
    const details = child.details as Partial<Extend.TableCellDetails>;
    if (details.type !== "table_cell_details" || details.rowIndex === undefined) return [];
    const text = markdownToText(child.content);
    return [{ row: details.rowIndex, col: details.columnIndex ?? 0, rowSpan: 1, colSpan: 1, text }];
  });
  if (cells.length > 0) return { page, box: boxOf(block), cells, source: "children" };
  return { page, box: boxOf(block), cells: parseTableContent(block.content), source: "content" };
}
