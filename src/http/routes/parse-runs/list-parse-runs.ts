/** GET /parse_runs (parseRuns.list): summaries (no output, no config), newest first. */
import type { FastifyInstance } from "fastify";
import { z } from "zod";
import { listRunsOfType } from "../../../services/runs/read-runs.ts";
import type { HttpDeps } from "../../http-deps.ts";
import { listEnvelope, parsePageQuery } from "../../pagination.ts";
import { parseInput } from "../../validation.ts";
import { toParseRunSummary } from "./parse-run-presenter.ts";

const ListParseRunsQuerySchema = z.object({
  status: z.enum(["PENDING", "PROCESSING", "PROCESSED", "FAILED", "CANCELLED"]).optional(),
  batchId: z.string().min(1).optional(),
  source: z
    .enum([
      "API",
      "STUDIO",
      "WORKFLOW_RUN",
      "ADMIN",
      "BATCH_PARSER_RUN",
      "EDIT_RUN",
      "DOCUMENT_PROCESSOR_RUN",
    ])
    .optional(),
  sourceId: z.string().min(1).optional(),
  fileNameContains: z.string().max(255).optional(),
});

export function registerListParseRuns(app: FastifyInstance, deps: HttpDeps): void {
  app.get("/parse_runs", async (request) => {
    const filters = parseInput(ListParseRunsQuerySchema, request.query, "query");
    // Upstream parity: hosted /parse_runs sorts by creation only and reads `limit` too (Go CLI).
    const page = parsePageQuery(request.query, { sortable: false });
    const result = await listRunsOfType(deps.services, request.auth.workspaceId, "parse", filters, page);
    return listEnvelope(result.items.map(toParseRunSummary), result.nextPageToken);
  });
}
