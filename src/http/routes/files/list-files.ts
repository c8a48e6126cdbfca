/** GET /files (files.list): summaries, newest first by default, filtered by nameContains. */
import type { FastifyInstance } from "fastify";
import { z } from "zod";
import { listFiles } from "../../../services/files/retrieve-file.ts";
import type { HttpDeps } from "../../http-deps.ts";
import { listEnvelope, parsePageQuery } from "../../pagination.ts";
import { parseInput } from "../../validation.ts";
import { toFileSummary } from "./file-presenter.ts";

const ListFilesQuerySchema = z.object({ nameContains: z.string().max(255).optional() });

export function registerListFiles(app: FastifyInstance, deps: HttpDeps): void {
  app.get("/files", async (request) => {
    const { nameContains } = parseInput(ListFilesQuerySchema, request.query, "query");
    // Upstream parity: /files sorts by creation time only (no sortBy), spec §1.7.
    const page = parsePageQuery(request.query, { sortable: false });
    const result = await listFiles(deps.services, request.auth.workspaceId, { nameContains }, page);
    return listEnvelope(result.items.map(toFileSummary), result.nextPageToken);
  });
}
