/**
 * Worker-thread side of the ExtractionPool: runs the synchronous local extraction for each task message
 * and posts the output back. Started as a worker's entry module it serves by itself.
 */
import { type MessagePort, parentPort, threadId } from "node:worker_threads";
import { extractLocally } from "../local-field-extractor.ts";
import type { ExtractionReplyMessage, ExtractionTaskMessage } from "./extraction-messages.ts";

export function serveExtractionTasks(port: MessagePort): void {
  port.on("message", (message: ExtractionTaskMessage) => {
    let reply: ExtractionReplyMessage;
    try {
      reply = { taskId: message.taskId, ok: true, output: extractLocally(message.request), threadId };
    } catch (error) {
      const { name, message: text } = error instanceof Error ? error : new Error(String(error));
      reply = { taskId: message.taskId, ok: false, error: { name, message: text } };
    }
    port.postMessage(reply);
  });
}

if (import.meta.main && parentPort !== null) serveExtractionTasks(parentPort);
