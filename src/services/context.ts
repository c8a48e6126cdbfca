/**
 * What every use case receives: the adapters chosen by app.ts and the settings it resolved. Services
 * never read configuration themselves; this object is their whole world.
 */
import type { PdfConverterSettings } from "../engine/convert/convert-to-pdf.ts";
import type { EnginePool } from "../engine/pipeline/engine-pool.ts";
import type { FieldExtractor } from "../providers/extraction/field-extractor.ts";
import type { SchemaInferrer } from "../providers/extraction/schema-inference/schema-inferrer.ts";
import type { JobQueue } from "../queue/job-queue.ts";
import type { Logger } from "../shared/logger.ts";
import type { BlobStore } from "../storage/blobs/blob-store.ts";
import type { Database } from "../storage/db/database.ts";

export interface ServiceSettings {
  readonly maxUploadBytes: number;
  readonly presignedUrlTtlSeconds: number;
  /** HMAC key for Quire-signed URLs (resolved at startup: config, else the database). */
  readonly signingSecret: string;
  /** Documents with more pages fail FILE_SIZE_TOO_LARGE before any page is parsed. */
  readonly maxPages: number;
  /** OCR engine for pages without a text layer (resolved at startup); undefined = OCR off. */
  readonly ocr: { readonly engine: "tesseract-cli" | "tesseract-js" } | undefined;
  /**
   * LibreOffice for PDF conversion (legacy Office/ODF/RTF parsing, Word/PowerPoint uploads, convertToPdf);
   * absent or without a path when it is not installed.
   */
  readonly pdfConverter?: PdfConverterSettings | undefined;
  /** How long sync endpoints (POST /parse, …) wait before answering with the run still in progress. */
  readonly syncTimeoutMs: number;
  readonly fileUrls: {
    readonly allowPrivate: boolean;
    readonly allowedHosts: readonly string[];
    readonly timeoutMs: number;
  };
}

export interface ServiceContext {
  readonly db: Database;
  readonly blobs: BlobStore;
  readonly logger: Logger;
  readonly settings: ServiceSettings;
  readonly queue: JobQueue;
  /** Worker-thread pool for CPU-heavy document work; threads start only when a task arrives. */
  readonly engine: EnginePool;
  /** Fills extraction schemas from parsed documents (local or LLM-backed, chosen by config). */
  readonly extractor: FieldExtractor;
  /** Infers a schema for schemaless extract runs and `generate` extractors (same engine choice). */
  readonly schemaInferrer: SchemaInferrer;
  /** In-process notifications of run completion (sync endpoints wait on them; polling covers other processes). */
  readonly runEvents: RunEvents;
}

export interface RunEvents {
  emitFinished(runId: string): void;
  onceFinished(runId: string, listener: () => void): () => void;
}
