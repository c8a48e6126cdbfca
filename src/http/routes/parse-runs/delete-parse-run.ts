/** DELETE /parse_runs/{id} (parseRuns.delete): answers {id}. */
import type { FastifyInstance } from "fastify";
import { deleteRunOfType } from "../../../services/runs/read-runs.ts";
import type { HttpDeps } from "../../http-deps.ts";

export function registerDeleteParseRun(app: FastifyInstance, deps: HttpDeps): void {
  app.delete<{ Params: { id: string } }>("/parse_runs/:id", async (request) => {
    await deleteRunOfType(deps.services, request.auth.workspaceId, request.params.id, "parse");
    return { id: request.params.id };
  });
}
