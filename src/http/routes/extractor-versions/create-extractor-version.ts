/** POST /extractors/{extractorId}/versions (extractorVersions.create): publishes the draft as N.M. */
import type { FastifyInstance } from "fastify";
import { publishVersion } from "../../../services/processors/manage-processors.ts";
import { createdByOf } from "../../created-by.ts";
import type { HttpDeps } from "../../http-deps.ts";
import { parseInput } from "../../validation.ts";
import { checkExtractConfig } from "../extractors/check-extract-config.ts";
import { PublishVersionBodySchema } from "../extractors/extractor-bodies.ts";
import { toExtractorVersion } from "../extractors/extractor-presenter.ts";

export function registerCreateExtractorVersion(app: FastifyInstance, deps: HttpDeps): void {
  app.post<{ Params: { extractorId: string } }>("/extractors/:extractorId/versions", async (request) => {
    const body = parseInput(PublishVersionBodySchema, request.body);
    const version = await publishVersion(
      deps.services,
      request.auth.workspaceId,
      "extractor",
      request.params.extractorId,
      {
        releaseType: body.releaseType,
        description: body.description,
        config: body.config === undefined ? undefined : checkExtractConfig(body.config, "config"),
        createdBy: createdByOf(request),
      },
    );
    return toExtractorVersion(version);
  });
}
