/**
 * An engine worker entry for pool tests that misbehaves on request, chosen by the task's password:
 * "crash" exits the thread, "throw" raises an uncaught error, "spin" loops forever on the CPU, "limits"
 * fails with the thread's resource limits (JSON) as its message; any other task is parsed normally. Test
 * support only.
 */
import { parentPort, resourceLimits } from "node:worker_threads";
import { serveEngineTasks } from "../pipeline/engine-worker.ts";
import { parseDocument } from "../pipeline/parse-document.ts";
import type { ParseOutcome } from "../pipeline/parse-outcome.ts";

if (parentPort === null) throw new Error("Start this module as a worker thread");

serveEngineTasks(parentPort, async (bytes, options): Promise<ParseOutcome> => {
  switch (options.password) {
    case "crash":
      process.exit(70);
      break;
    case "throw":
      setImmediate(() => {
        throw new Error("uncaught in worker");
      });
      return new Promise<never>(() => {});
    case "limits":
      return {
        status: "failure",
        failureReason: "INTERNAL_ERROR",
        failureMessage: JSON.stringify(resourceLimits),
        issues: [],
      };
    case "spin": {
      let counter = 0;
      while (counter >= 0) counter = (counter + 1) % 1_000_000;
      break;
    }
  }
  return parseDocument(bytes, options);
});
