/**
 * What crosses the thread boundary between the ExtractionPool and its workers: a request (plain data —
 * the validated schema, the parse output and words, the options) and the output or the error back.
 */
import type { Extend } from "extend-ai";
import type { ExtractionRequest } from "../../field-extractor.ts";

export interface ExtractionTaskMessage {
  readonly taskId: number;
  readonly request: ExtractionRequest;
}

export type ExtractionReplyMessage =
  | {
      readonly taskId: number;
      readonly ok: true;
      readonly output: Extend.ExtractOutputJson;
      /** The worker's thread id (tests and diagnostics tell pooled work from in-thread work by it). */
      readonly threadId: number;
    }
  | {
      readonly taskId: number;
      readonly ok: false;
      readonly error: { readonly name: string; readonly message: string };
    };
