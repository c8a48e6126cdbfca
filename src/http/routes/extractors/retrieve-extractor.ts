/** GET /extractors/{id} (extractors.retrieve): the extractor with its draft version. */
import type { FastifyInstance } from "fastify";
import { retrieveProcessor } from "../../../services/processors/manage-processors.ts";
import type { HttpDeps } from "../../http-deps.ts";
import { toExtractor } from "./extractor-presenter.ts";

export function registerRetrieveExtractor(app: FastifyInstance, deps: HttpDeps): void {
  app.get<{ Params: { id: string } }>("/extractors/:id", async (request) =>
    toExtractor(
      await retrieveProcessor(deps.services, request.auth.workspaceId, "extractor", request.params.id),
    ),
  );
}
