/** POST /parse_runs (parseRuns.create): starts an async parse; answers the PROCESSING run at once. */
import type { FastifyInstance } from "fastify";
import { createParseRun } from "../../../services/parse/create-parse-run.ts";
import type { HttpDeps } from "../../http-deps.ts";
import { parseInput } from "../../validation.ts";
import { CreateParseRunBodySchema } from "./parse-run-bodies.ts";
import { presentParseRun } from "./present-parse-run.ts";

export function registerCreateParseRun(app: FastifyInstance, deps: HttpDeps): void {
  app.post("/parse_runs", async (request) => {
    const body = parseInput(CreateParseRunBodySchema, request.body);
    const run = await createParseRun(deps.services, request.auth.workspaceId, body);
    return presentParseRun(deps, request, run);
  });
}
