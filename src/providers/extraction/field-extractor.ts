/**
 * The extraction port: a parsed document + a validated schema → Extend's output `{value, metadata}`
 * (behaviour.md §3.4), every value cited to its place on the page. Implementations: the offline,
 * deterministic LocalFieldExtractor and the OpenAI-compatible LLM extractor, chosen by config.
 */
import type { Extend } from "extend-ai";
import type { ValidatedSchema } from "../../domain/extraction-schema/index.ts";

/** One word of the document with its box in page points (top-left origin) — the finest citation unit. */
export interface DocumentWord {
  readonly content: string;
  readonly pageNumber: number;
  readonly boundingBox: {
    readonly left: number;
    readonly top: number;
    readonly right: number;
    readonly bottom: number;
  };
  /** OCR confidence 0–1; 1 for digital text. */
  readonly confidence: number;
}

/** One document of the extraction (a single file, or one file of a multi-file package). */
export interface ExtractionDocument {
  /** Set for package inputs: citations then carry it (`fileId`). */
  readonly fileId: string | undefined;
  /** Parse output with page chunks and positioned blocks. */
  readonly parse: Extend.ParseRunOutput;
  /** Every word with its box (the parse's `ocr.words`), for line/word-level citations. */
  readonly words: readonly DocumentWord[];
}

export interface ExtractionOptions {
  readonly citationsEnabled: boolean;
  readonly citationMode: "line" | "word" | "block";
  readonly arrayCitationStrategy: "item" | "property";
  readonly modelReasoningInsightsEnabled: boolean;
  readonly arrayStrategy:
    | "large_array_heuristics"
    | "large_array_max_context"
    | "large_array_overlap_context"
    | undefined;
}

export interface ExtractionRequest {
  readonly schema: ValidatedSchema;
  readonly documents: readonly ExtractionDocument[];
  /** Natural-language guidance (`extractionRules`); engines apply what they can. */
  readonly extractionRules: string | undefined;
  readonly options: ExtractionOptions;
}

export interface FieldExtractor {
  readonly kind: "local" | "openai-compatible";
  /** Resolves with Extend's output; rejects only on defects or (LLM) transport failures. */
  extract(request: ExtractionRequest, signal?: AbortSignal): Promise<Extend.ExtractOutputJson>;
  /** Releases what the extractor holds (the local one's worker threads); optional. */
  close?(): Promise<void>;
}
