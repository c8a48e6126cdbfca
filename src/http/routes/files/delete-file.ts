/** DELETE /files/{id} (files.delete): removes the row and its blob; answers {id} (a body, not 204: sdk-notes §2). */
import type { FastifyInstance } from "fastify";
import { deleteFile } from "../../../services/files/delete-file.ts";
import type { HttpDeps } from "../../http-deps.ts";

export function registerDeleteFile(app: FastifyInstance, deps: HttpDeps): void {
  app.delete<{ Params: { id: string } }>("/files/:id", async (request) => {
    await deleteFile(deps.services, request.auth.workspaceId, request.params.id);
    return { id: request.params.id };
  });
}
