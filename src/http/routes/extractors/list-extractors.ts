/** GET /extractors (extractors.list): summaries (no draft version). */
import type { FastifyInstance } from "fastify";
import { listProcessors } from "../../../services/processors/manage-processors.ts";
import type { HttpDeps } from "../../http-deps.ts";
import { listEnvelope, parsePageQuery } from "../../pagination.ts";
import { toExtractorSummary } from "./extractor-presenter.ts";

export function registerListExtractors(app: FastifyInstance, deps: HttpDeps): void {
  app.get("/extractors", async (request) => {
    const page = parsePageQuery(request.query, { sortable: true });
    const result = await listProcessors(deps.services, request.auth.workspaceId, "extractor", page);
    return listEnvelope(result.items.map(toExtractorSummary), result.nextPageToken);
  });
}
