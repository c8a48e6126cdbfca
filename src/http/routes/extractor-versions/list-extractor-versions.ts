/** GET /extractors/{extractorId}/versions (extractorVersions.list): the draft first, then newest first. */
import type { FastifyInstance } from "fastify";
import { listVersions } from "../../../services/processors/manage-processors.ts";
import type { HttpDeps } from "../../http-deps.ts";
import { listEnvelope, parsePageQuery } from "../../pagination.ts";
import { toExtractorVersionSummary } from "../extractors/extractor-presenter.ts";

export function registerListExtractorVersions(app: FastifyInstance, deps: HttpDeps): void {
  app.get<{ Params: { extractorId: string } }>("/extractors/:extractorId/versions", async (request) => {
    const page = parsePageQuery(request.query, { sortable: false });
    const result = await listVersions(
      deps.services,
      request.auth.workspaceId,
      "extractor",
      request.params.extractorId,
      page,
    );
    return listEnvelope(result.items.map(toExtractorVersionSummary), result.nextPageToken);
  });
}
