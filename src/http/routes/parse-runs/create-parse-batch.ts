/** POST /parse_runs/batch (parseRuns.createBatch): 1–1000 inputs → a PENDING BatchRun (bpar_…). */

import type { Extend } from "extend-ai";
import type { FastifyInstance } from "fastify";
import { createParseBatch } from "../../../services/parse/create-parse-run.ts";
import type { HttpDeps } from "../../http-deps.ts";
import { parseInput } from "../../validation.ts";
import { CreateParseBatchBodySchema } from "./parse-run-bodies.ts";

export function registerCreateParseBatch(app: FastifyInstance, deps: HttpDeps): void {
  app.post("/parse_runs/batch", async (request): Promise<Extend.BatchRun> => {
    const body = parseInput(CreateParseBatchBodySchema, request.body);
    const batch = await createParseBatch(deps.services, request.auth.workspaceId, body);
    return {
      object: "batch_run",
      id: batch.id,
      status: "PENDING",
      runCount: batch.runCount,
      createdAt: batch.createdAt.toISOString(),
    };
  });
}
