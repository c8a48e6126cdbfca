/**
 * POST /files/upload (files.upload): multipart with a `file` part (streamed straight into the blob
 * store, never buffered whole) and an optional `password` part; `convertToPdf` is a query parameter.
 */
import type { FastifyInstance } from "fastify";
import { z } from "zod";
import { setFilePassword } from "../../../services/files/set-file-password.ts";
import { storeFile } from "../../../services/files/store-file.ts";
import { AppError } from "../../../shared/app-error.ts";
import type { FileRecord } from "../../../storage/repositories/file-repository.ts";
import type { HttpDeps } from "../../http-deps.ts";
import { queryBoolean } from "../../query-schemas.ts";
import { parseInput } from "../../validation.ts";
import { toFile } from "./file-presenter.ts";

const UploadQuerySchema = z.object({ convertToPdf: queryBoolean.optional() });

export function registerUploadFile(app: FastifyInstance, deps: HttpDeps): void {
  app.post("/files/upload", async (request) => {
    // TODO(issue 5): convertToPdf converts Office and image uploads through LibreOffice/raster; accepted
    // and validated now, the conversion lands with the Office ingest stage.
    parseInput(UploadQuerySchema, request.query, "query");
    if (!request.isMultipart()) {
      throw new AppError("INVALID_REQUEST", "Expected a multipart/form-data body with a 'file' part");
    }
    let stored: FileRecord | undefined;
    let password: string | undefined;
    for await (const part of request.parts()) {
      if (part.type === "file") {
        if (part.fieldname !== "file" || stored !== undefined) {
          part.file.resume();
          throw new AppError(
            "INVALID_REQUEST",
            `Unexpected file part '${part.fieldname}'; send exactly one part named 'file'`,
          );
        }
        stored = await storeFile(deps.services, {
          workspaceId: request.auth.workspaceId,
          source: part.file,
          fileName: part.filename || "file",
        });
      } else if (part.fieldname === "password" && typeof part.value === "string" && part.value !== "") {
        password = part.value;
      }
    }
    if (stored === undefined)
      throw new AppError("INVALID_REQUEST", "Missing multipart part 'file'; Path: file");
    if (password !== undefined) {
      // The SDK sends the password part after the file, so it is attached once the bytes are stored.
      stored = await setFilePassword(deps.services, stored, password);
    }
    return toFile(stored, null, undefined);
  });
}
