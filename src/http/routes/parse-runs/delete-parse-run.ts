/** DELETE /parse_runs/{id} (parseRuns.delete): answers {id}. */
import type { FastifyInstance } from "fastify";
import { deleteParseRun } from "../../../services/parse/delete-parse-run.ts";
import type { HttpDeps } from "../../http-deps.ts";

export function registerDeleteParseRun(app: FastifyInstance, deps: HttpDeps): void {
  app.delete<{ Params: { id: string } }>("/parse_runs/:id", async (request) => {
    await deleteParseRun(deps.services, request.auth.workspaceId, request.params.id);
    return { id: request.params.id };
  });
}
