/**
 * Test support only: small hand-made documents — text placed at known positions (page points, top-left
 * origin, 0.5 em per character, 10 pt type) as both `ocr.words` and parse blocks, so tests state layouts
 * ("label here, value there") directly.
 */
import type { Extend } from "extend-ai";
import {
  type ValidatedSchema,
  validateExtractionSchema,
} from "../../../../domain/extraction-schema/index.ts";
import type { DocumentWord, ExtractionDocument, ExtractionOptions } from "../../field-extractor.ts";

export interface Placed {
  readonly text: string;
  /** Left edge, points. */
  readonly x: number;
  /** Top edge, points. */
  readonly y: number;
  readonly page?: number;
  /** Parse block type for this text (default "text"). */
  readonly type?: string;
  readonly confidence?: number;
}

const SIZE = 10;
export const PAGE = { width: 612, height: 792 };

/** Words of one placed text: split at spaces, 0.5 em per character, one space between words. */
export function wordsOf(item: Placed): DocumentWord[] {
  const words: DocumentWord[] = [];
  let x = item.x;
  for (const part of item.text.split(" ")) {
    if (part !== "")
      words.push({
        content: part,
        pageNumber: item.page ?? 1,
        boundingBox: { left: x, top: item.y, right: x + part.length * 0.5 * SIZE, bottom: item.y + SIZE },
        confidence: item.confidence ?? 1,
      });
    x += (part.length + 1) * 0.5 * SIZE;
  }
  return words;
}

/** One block per placed text, on page chunks. */
export function parseOf(items: readonly Placed[]): Extend.ParseRunOutput {
  const pages = [...new Set(items.map((item) => item.page ?? 1))].sort((a, b) => a - b);
  return {
    chunks: pages.map((page) => {
      const blocks = items
        .filter((item) => (item.page ?? 1) === page)
        .map((item, index): Extend.Block => {
          const right = item.x + item.text.length * 0.5 * SIZE;
          const bottom = item.y + SIZE;
          return {
            object: "block",
            id: `b${page}-${index}`,
            type: (item.type ?? "text") as Extend.BlockType,
            content: item.text,
            details: {},
            metadata: { page: { number: page, ...PAGE } },
            polygon: [
              { x: item.x, y: item.y },
              { x: right, y: item.y },
              { x: right, y: bottom },
              { x: item.x, y: bottom },
            ],
            boundingBox: { left: item.x, top: item.y, right, bottom },
          };
        });
      return {
        object: "chunk",
        type: "page",
        content: blocks.map((block) => block.content).join("\n\n"),
        metadata: { pageRange: { start: page, end: page } },
        blocks,
      };
    }),
  };
}

export function documentOf(items: readonly Placed[], withWords = true, fileId?: string): ExtractionDocument {
  return { fileId, parse: parseOf(items), words: withWords ? items.flatMap(wordsOf) : [] };
}

/** A schema of nullable strings (or the given JSON schema) validated as the extractor receives it. */
export function schemaOf(properties: Record<string, unknown>): ValidatedSchema {
  return validateExtractionSchema({ type: "object", properties, required: Object.keys(properties) });
}

export const STRING = { type: ["string", "null"] };
export const NUMBER = { type: ["number", "null"] };
export const DATE = { type: ["string", "null"], "extend:type": "date" };

export const OPTIONS: ExtractionOptions = {
  citationsEnabled: true,
  citationMode: "line",
  arrayCitationStrategy: "item",
  modelReasoningInsightsEnabled: false,
  arrayStrategy: undefined,
};
