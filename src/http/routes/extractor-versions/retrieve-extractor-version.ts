/** GET /extractors/{extractorId}/versions/{versionId} (extractorVersions.retrieve): draft | latest | N.M | id. */
import type { FastifyInstance } from "fastify";
import { resolveVersion } from "../../../services/processors/manage-processors.ts";
import type { HttpDeps } from "../../http-deps.ts";
import { toExtractorVersion } from "../extractors/extractor-presenter.ts";

export function registerRetrieveExtractorVersion(app: FastifyInstance, deps: HttpDeps): void {
  app.get<{ Params: { extractorId: string; versionId: string } }>(
    "/extractors/:extractorId/versions/:versionId",
    async (request) => {
      const { version } = await resolveVersion(
        deps.services,
        request.auth.workspaceId,
        "extractor",
        request.params.extractorId,
        request.params.versionId,
      );
      return toExtractorVersion(version);
    },
  );
}
