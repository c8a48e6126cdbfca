/** In-process run completion notifications: lets a sync request wake the moment its run finishes. */
import { EventEmitter } from "node:events";
import type { RunEvents } from "../context.ts";

export function createRunEvents(): RunEvents {
  const emitter = new EventEmitter();
  // Many concurrent sync requests may wait at once; each listener is removed when it fires or times out.
  emitter.setMaxListeners(0);
  return {
    emitFinished: (runId) => {
      emitter.emit(runId);
    },
    onceFinished: (runId, listener) => {
      emitter.once(runId, listener);
      return () => emitter.off(runId, listener);
    },
  };
}
