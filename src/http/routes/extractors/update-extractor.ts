/** POST /extractors/{id} (extractors.update): renames and/or replaces the draft's config. */
import type { FastifyInstance } from "fastify";
import { updateProcessor } from "../../../services/processors/manage-processors.ts";
import type { HttpDeps } from "../../http-deps.ts";
import { parseInput } from "../../validation.ts";
import { checkExtractConfig } from "./check-extract-config.ts";
import { UpdateExtractorBodySchema } from "./extractor-bodies.ts";
import { toExtractor } from "./extractor-presenter.ts";

export function registerUpdateExtractor(app: FastifyInstance, deps: HttpDeps): void {
  app.post<{ Params: { id: string } }>("/extractors/:id", async (request) => {
    const body = parseInput(UpdateExtractorBodySchema, request.body ?? {});
    const updated = await updateProcessor(
      deps.services,
      request.auth.workspaceId,
      "extractor",
      request.params.id,
      {
        name: body.name,
        config: body.config === undefined ? undefined : checkExtractConfig(body.config, "config"),
      },
    );
    return toExtractor(updated);
  });
}
