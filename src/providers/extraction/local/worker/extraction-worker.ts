/**
 * Worker-thread side of the ExtractionPool: runs the synchronous local extraction for each task and
 * posts the output back. Started as a worker's entry module it serves by itself.
 */
import { parentPort, threadId } from "node:worker_threads";
import { serveTasks } from "../../../../shared/worker-pool/serve-tasks.ts";
import type { ExtractionRequest } from "../../field-extractor.ts";
import { extractLocally } from "../local-field-extractor.ts";
import type { PooledExtraction } from "./extraction-pool.ts";

if (import.meta.main && parentPort !== null)
  serveTasks(
    parentPort,
    (request: ExtractionRequest): PooledExtraction => ({
      output: extractLocally(request),
      threadId,
    }),
  );
