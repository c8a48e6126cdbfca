/** POST /extractors (extractors.create): from a config, a clone of another extractor's draft, or samples. */
import type { FastifyInstance } from "fastify";
import { createProcessor } from "../../../services/processors/manage-processors.ts";
import { AppError } from "../../../shared/app-error.ts";
import { createdByOf } from "../../created-by.ts";
import type { HttpDeps } from "../../http-deps.ts";
import { parseInput } from "../../validation.ts";
import { checkExtractConfig } from "./check-extract-config.ts";
import { CreateExtractorBodySchema } from "./extractor-bodies.ts";
import { toExtractor } from "./extractor-presenter.ts";

export function registerCreateExtractor(app: FastifyInstance, deps: HttpDeps): void {
  app.post("/extractors", async (request) => {
    const body = parseInput(CreateExtractorBodySchema, request.body);
    if (body.generate !== undefined) {
      // TODO(issue 6): schema generation from sample files needs the extraction engine.
      throw new AppError(
        "INVALID_REQUEST",
        "generate is not available on this server yet; pass config or cloneExtractorId; Path: generate",
      );
    }
    const created = await createProcessor(deps.services, request.auth.workspaceId, "extractor", {
      name: body.name,
      config: body.config === undefined ? undefined : checkExtractConfig(body.config, "config"),
      cloneId: body.cloneExtractorId,
      createdBy: createdByOf(request),
    });
    return toExtractor(created);
  });
}
