/** POST /extractors (extractors.create): from a config, a clone of another extractor's draft, or samples. */
import type { FastifyInstance } from "fastify";
import { generateExtractorConfig } from "../../../services/extract/generate-extractor-config.ts";
import { createProcessor } from "../../../services/processors/manage-processors.ts";
import { createdByOf } from "../../created-by.ts";
import type { HttpDeps } from "../../http-deps.ts";
import { parseInput } from "../../validation.ts";
import { checkExtractConfig } from "./check-extract-config.ts";
import { CreateExtractorBodySchema } from "./extractor-bodies.ts";
import { toExtractor } from "./extractor-presenter.ts";

export function registerCreateExtractor(app: FastifyInstance, deps: HttpDeps): void {
  app.post("/extractors", async (request) => {
    const body = parseInput(CreateExtractorBodySchema, request.body);
    const config =
      body.generate !== undefined
        ? await generateExtractorConfig(deps.services, request.auth.workspaceId, body.generate)
        : body.config === undefined
          ? undefined
          : checkExtractConfig(body.config, "config");
    const created = await createProcessor(deps.services, request.auth.workspaceId, "extractor", {
      name: body.name,
      config,
      cloneId: body.cloneExtractorId,
      createdBy: createdByOf(request),
    });
    return toExtractor(created);
  });
}
