/**
 * Worker-thread side of the EnginePool: receives parse tasks (bytes transferred, not copied), runs them
 * one at a time and posts the outcome back (figure PNGs transferred). Started as a worker's entry module
 * it serves by itself.
 */
import { type MessagePort, parentPort } from "node:worker_threads";
import { serveTasks } from "../../shared/worker-pool/serve-tasks.ts";
import { parseDocument } from "./parse-document.ts";
import type { ParseOptions, ParseOutcome } from "./parse-outcome.ts";

/** Options as they cross the thread boundary: an AbortSignal cannot, the pool terminates instead. */
export type WorkerParseOptions = Omit<ParseOptions, "signal">;

/** One parse as it crosses to the worker. */
export interface ParseTask {
  /** Transferred to the worker: the caller's buffer is detached once the pool runs the task. */
  readonly bytes: Uint8Array;
  readonly options: WorkerParseOptions;
}

export type ParseFunction = (bytes: Uint8Array, options: WorkerParseOptions) => Promise<ParseOutcome>;

/** Answers every parse task on `port` with `parse` (parseDocument unless a test substitutes one). */
export function serveEngineTasks(port: MessagePort, parse: ParseFunction = parseDocument): void {
  serveTasks(port, (task: ParseTask) => parse(task.bytes, task.options), { transferOf: figureBuffers });
}

/** Figure PNGs' buffers, moved rather than copied to the pool's thread (each PNG owns its buffer). */
function figureBuffers(outcome: ParseOutcome): ArrayBuffer[] {
  if (outcome.status === "failure" || outcome.figureImages === undefined) return [];
  const buffers = new Set<ArrayBuffer>();
  for (const { png } of outcome.figureImages)
    if (png.buffer instanceof ArrayBuffer && png.byteOffset === 0 && png.byteLength === png.buffer.byteLength)
      buffers.add(png.buffer);
  return [...buffers];
}

if (import.meta.main && parentPort !== null) serveEngineTasks(parentPort);
