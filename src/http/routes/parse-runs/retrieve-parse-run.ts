/** GET /parse_runs/{id} (parseRuns.retrieve): the full run; responseType=url links the output instead. */
import type { FastifyInstance } from "fastify";
import { retrieveRunOfType } from "../../../services/runs/read-runs.ts";
import type { HttpDeps } from "../../http-deps.ts";
import { parseInput } from "../../validation.ts";
import { ResponseTypeQuerySchema } from "./parse-run-bodies.ts";
import { presentParseRun } from "./present-parse-run.ts";

export function registerRetrieveParseRun(app: FastifyInstance, deps: HttpDeps): void {
  app.get<{ Params: { id: string } }>("/parse_runs/:id", async (request) => {
    const { responseType } = parseInput(ResponseTypeQuerySchema, request.query, "query");
    const run = await retrieveRunOfType(deps.services, request.auth.workspaceId, request.params.id, "parse");
    return presentParseRun(deps, request, run, responseType);
  });
}
