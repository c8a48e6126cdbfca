/** GET /files/{id} (files.retrieve): the file with a 15-minute presignedUrl and, on request, parsed contents. */
import type { FastifyInstance } from "fastify";
import { z } from "zod";
import { createFileDownloadUrl, retrieveFile } from "../../../services/files/retrieve-file.ts";
import { baseUrlOf } from "../../base-url.ts";
import type { HttpDeps } from "../../http-deps.ts";
import { queryBoolean } from "../../query-schemas.ts";
import { parseInput } from "../../validation.ts";
import { toFile } from "./file-presenter.ts";

const RetrieveQuerySchema = z.object({
  rawText: queryBoolean.optional(),
  markdown: queryBoolean.optional(),
  html: queryBoolean.optional(),
});

export function registerRetrieveFile(app: FastifyInstance, deps: HttpDeps): void {
  app.get<{ Params: { id: string } }>("/files/:id", async (request) => {
    const query = parseInput(RetrieveQuerySchema, request.query, "query");
    const file = await retrieveFile(deps.services, request.auth.workspaceId, request.params.id);
    const url = await createFileDownloadUrl(deps.services, file, baseUrlOf(request, deps.publicUrl));
    return toFile(file, url, {
      rawText: query.rawText ?? false,
      markdown: query.markdown ?? false,
      html: query.html ?? false,
    });
  });
}
