/**
 * Worker-thread side of the EnginePool: receives parse tasks (bytes transferred, not copied), runs them
 * one at a time and posts the outcome back (figure PNGs transferred). Started as a worker's entry module
 * it serves by itself.
 */
import { type MessagePort, parentPort } from "node:worker_threads";
import { parseDocument } from "./parse-document.ts";
import type { ParseOptions, ParseOutcome } from "./parse-outcome.ts";

/** Options as they cross the thread boundary: an AbortSignal cannot, the pool terminates instead. */
export type WorkerParseOptions = Omit<ParseOptions, "signal">;

export interface EngineTaskMessage {
  readonly taskId: number;
  readonly bytes: Uint8Array;
  readonly options: WorkerParseOptions;
}

export type EngineReplyMessage =
  | { readonly taskId: number; readonly ok: true; readonly outcome: ParseOutcome }
  | {
      readonly taskId: number;
      readonly ok: false;
      readonly error: { readonly name: string; readonly message: string; readonly stack?: string };
    };

export type ParseFunction = (bytes: Uint8Array, options: WorkerParseOptions) => Promise<ParseOutcome>;

/** Answers every task message on `port` with `parse` (parseDocument unless a test substitutes one). */
export function serveEngineTasks(port: MessagePort, parse: ParseFunction = parseDocument): void {
  port.on("message", async (message: EngineTaskMessage) => {
    let reply: EngineReplyMessage;
    try {
      reply = { taskId: message.taskId, ok: true, outcome: await parse(message.bytes, message.options) };
    } catch (error) {
      const { name, message: text, stack } = error instanceof Error ? error : new Error(String(error));
      reply = {
        taskId: message.taskId,
        ok: false,
        error: stack === undefined ? { name, message: text } : { name, message: text, stack },
      };
    }
    port.postMessage(reply, reply.ok ? figureBuffers(reply.outcome) : []);
  });
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
