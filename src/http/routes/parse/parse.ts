/**
 * POST /parse (client.parse): the same run as POST /parse_runs, awaited. Answers the terminal run —
 * a FAILED run is a 200 with status FAILED (sdk-notes §6). Past SYNC_TIMEOUT_MS (default 4 min 50 s,
 * inside the SDK's 300 s timeout) it answers 200 with the run still PROCESSING so the caller can poll.
 * Upstream parity: Extend times sync requests out at 5 minutes; a 5xx here would make the SDK retry
 * and create duplicate runs, so the in-progress run is returned instead.
 */
import type { FastifyInstance } from "fastify";
import { createParseRun } from "../../../services/parse/create-parse-run.ts";
import { retrieveRunOfType } from "../../../services/runs/read-runs.ts";
import { waitForRun } from "../../../services/runs/wait-for-run.ts";
import type { HttpDeps } from "../../http-deps.ts";
import { parseInput } from "../../validation.ts";
import { CreateParseRunBodySchema, ResponseTypeQuerySchema } from "../parse-runs/parse-run-bodies.ts";
import { presentParseRun } from "../parse-runs/present-parse-run.ts";

export function registerParse(app: FastifyInstance, deps: HttpDeps): void {
  app.post("/parse", async (request) => {
    const { responseType } = parseInput(ResponseTypeQuerySchema, request.query, "query");
    const body = parseInput(CreateParseRunBodySchema, request.body);
    const workspaceId = request.auth.workspaceId;
    const created = await createParseRun(deps.services, workspaceId, body);
    const abandoned = new AbortController();
    request.raw.once("close", () => abandoned.abort());
    await waitForRun(deps.services, created.id, deps.services.settings.syncTimeoutMs, abandoned.signal);
    const run = await retrieveRunOfType(deps.services, workspaceId, created.id, "parse");
    return presentParseRun(deps, request, run, responseType);
  });
}
