/**
 * Test and eval support only: parses a file with the real engine and returns what an extraction gets —
 * the parse output plus the page words with boxes. The engine does not emit `ocr.words` yet, so a page
 * stage appended to the pipeline copies each page's words (the PDF text layer) as they are read.
 */
import { readFileSync } from "node:fs";
import type { Extend } from "extend-ai";
import { DETECTION_HEAD_BYTES, detectFormat } from "../../../../engine/ingest/detect-format.ts";
import { parseDocument } from "../../../../engine/pipeline/parse-document.ts";
import type { PageStage } from "../../../../engine/pipeline/stage.ts";
import { STAGES } from "../../../../engine/pipeline/stages.ts";
import type { DocumentWord, ExtractionDocument } from "../../field-extractor.ts";

/** Runs closer than this many ems are one word (the engine's own threshold for "no space"). */
const KERNING_GAP_EMS = 0.15;

export const CORPUS_ROOT = new URL("../../../../../../shared/corpus/", import.meta.url);

export interface ParsedFile {
  readonly parse: Extend.ParseRunOutput;
  readonly words: readonly DocumentWord[];
  readonly pageCount: number;
  readonly parseMs: number;
}

export async function parseWithWords(bytes: Uint8Array, fileName: string): Promise<ParsedFile> {
  const words: DocumentWord[] = [];
  const capture: PageStage = {
    // The id only labels issues; "layout" is where a word-level stage would sit.
    id: "layout",
    scope: "page",
    run(_context, page) {
      // The text layer's runs are not words (PDFs split words for kerning): join runs of a line that
      // touch, as the engine's line builder does when it decides where spaces go.
      for (const line of page.lines) {
        let current: DocumentWord | undefined;
        let size = 0;
        for (const word of line.words) {
          const gap =
            current === undefined ? Number.POSITIVE_INFINITY : word.box.left - current.boundingBox.right;
          if (current !== undefined && gap <= KERNING_GAP_EMS * Math.min(size, word.fontSize)) {
            current = {
              ...current,
              content: current.content + word.text,
              boundingBox: {
                left: Math.min(current.boundingBox.left, word.box.left),
                top: Math.min(current.boundingBox.top, word.box.top),
                right: Math.max(current.boundingBox.right, word.box.right),
                bottom: Math.max(current.boundingBox.bottom, word.box.bottom),
              },
            };
            continue;
          }
          if (current !== undefined) words.push(current);
          size = word.fontSize;
          current = {
            content: word.text,
            pageNumber: page.number,
            boundingBox: {
              left: word.box.left,
              top: word.box.top,
              right: word.box.right,
              bottom: word.box.bottom,
            },
            confidence: 1,
          };
        }
        if (current !== undefined) words.push(current);
      }
    },
  };
  const { format } = detectFormat(bytes.subarray(0, DETECTION_HEAD_BYTES), fileName);
  const started = performance.now();
  // parseDocument takes ownership of the buffer (pdf.js detaches it): hand it a copy.
  const outcome = await parseDocument(
    bytes.slice(),
    {
      format,
      maxPages: 500,
      chunking: "page",
      config: { blockOptions: { tables: { cellBlocksEnabled: true } } },
    },
    [...STAGES, capture],
  );
  const parseMs = performance.now() - started;
  if (outcome.status === "failure") throw new Error(`${fileName}: ${outcome.failureMessage}`);
  return { parse: outcome.output, words, pageCount: outcome.pageCount, parseMs };
}

/** A corpus file by its path under ../shared/corpus (read-only). */
export async function parseCorpusFile(relativePath: string): Promise<ParsedFile> {
  const buffer = readFileSync(new URL(relativePath, CORPUS_ROOT));
  return parseWithWords(new Uint8Array(buffer), relativePath);
}

export function extractionDocument(file: ParsedFile, fileId?: string): ExtractionDocument {
  return { fileId, parse: file.parse, words: file.words };
}
