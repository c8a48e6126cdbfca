/** A worker for WorkerPool's tests: echoes, throws, spins or exits, as each task asks. */
import { parentPort, threadId } from "node:worker_threads";
import { serveTasks } from "./serve-tasks.ts";

export type FixtureTask =
  | { readonly kind: "sum"; readonly bytes: Uint8Array }
  | { readonly kind: "throw"; readonly message: string }
  | { readonly kind: "exit" }
  | { readonly kind: "spin" };

export interface FixtureResult {
  readonly sum: number;
  readonly threadId: number;
  readonly echoed: Uint8Array;
}

function handle(task: FixtureTask): FixtureResult {
  switch (task.kind) {
    case "sum":
      return { sum: task.bytes.reduce((total, byte) => total + byte, 0), threadId, echoed: task.bytes };
    case "throw":
      throw new RangeError(task.message);
    case "exit":
      return process.exit(3);
    case "spin":
      for (;;) {
        // Synchronous work that only terminate() can stop.
      }
  }
}

if (parentPort !== null)
  serveTasks(parentPort, handle, {
    transferOf: (result) => (result.echoed.buffer instanceof ArrayBuffer ? [result.echoed.buffer] : []),
  });
