/** POST /parse_runs/{id}/cancel (parseRuns.cancel): no body; answers the run, now CANCELLED. */
import type { FastifyInstance } from "fastify";
import { cancelRun } from "../../../services/runs/cancel-run.ts";
import type { HttpDeps } from "../../http-deps.ts";
import { presentParseRun } from "./present-parse-run.ts";

export function registerCancelParseRun(app: FastifyInstance, deps: HttpDeps): void {
  app.post<{ Params: { id: string } }>("/parse_runs/:id/cancel", async (request) => {
    const run = await cancelRun(deps.services, request.auth.workspaceId, request.params.id, "parse");
    return presentParseRun(deps, request, run);
  });
}
