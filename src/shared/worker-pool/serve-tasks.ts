/**
 * Worker-thread side of a WorkerPool: answers every task message on `port` with `handle`'s result (or its
 * error), one reply per task, moving the buffers `transferOf` names instead of copying them.
 */
import type { MessagePort } from "node:worker_threads";
import type { ReplyError, ReplyMessage, TaskMessage } from "./messages.ts";

export interface ServeOptions<Result> {
  /** Buffers of the result to move to the pool's thread (each must be a whole, transferable buffer). */
  readonly transferOf?: (result: Result) => ArrayBuffer[];
}

export function serveTasks<Payload, Result>(
  port: MessagePort,
  handle: (payload: Payload) => Result | Promise<Result>,
  options: ServeOptions<Result> = {},
): void {
  port.on("message", async (message: TaskMessage<Payload>) => {
    let reply: ReplyMessage<Result>;
    try {
      reply = { taskId: message.taskId, ok: true, result: await handle(message.payload) };
    } catch (error) {
      reply = { taskId: message.taskId, ok: false, error: replyError(error) };
    }
    port.postMessage(
      reply,
      reply.ok && options.transferOf !== undefined ? options.transferOf(reply.result) : [],
    );
  });
}

function replyError(error: unknown): ReplyError {
  const { name, message, stack } = error instanceof Error ? error : new Error(String(error));
  return stack === undefined ? { name, message } : { name, message, stack };
}
