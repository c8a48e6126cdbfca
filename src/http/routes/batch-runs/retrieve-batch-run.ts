/** GET /batch_runs/{id} (batchRuns.get): a parse or processor batch with its derived status. */

import type { Extend } from "extend-ai";
import type { FastifyInstance } from "fastify";
import { retrieveBatch } from "../../../services/runs/retrieve-batch.ts";
import type { HttpDeps } from "../../http-deps.ts";

export function registerRetrieveBatchRun(app: FastifyInstance, deps: HttpDeps): void {
  app.get<{ Params: { id: string } }>("/batch_runs/:id", async (request): Promise<Extend.BatchRun> => {
    const batch = await retrieveBatch(deps.services, request.auth.workspaceId, request.params.id);
    return {
      object: "batch_run",
      id: batch.id,
      status: batch.status,
      runCount: batch.runCount,
      createdAt: batch.createdAt.toISOString(),
    };
  });
}
