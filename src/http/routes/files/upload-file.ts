/**
 * POST /files/upload (files.upload): multipart with a `file` part (streamed straight into the blob
 * store, never buffered whole) and an optional `password` part; `convertToPdf` is a query parameter
 * (as the SDK sends it) or a multipart field. Word/PowerPoint uploads become PDFs even without it
 * (services/files/convert-upload.ts says why and what else converts).
 */
import type { FastifyInstance } from "fastify";
import { z } from "zod";
import { convertUpload } from "../../../services/files/convert-upload.ts";
import { setFilePassword } from "../../../services/files/set-file-password.ts";
import { storeFile } from "../../../services/files/store-file.ts";
import { AppError } from "../../../shared/app-error.ts";
import type { FileRecord } from "../../../storage/repositories/file-repository.ts";
import type { HttpDeps } from "../../http-deps.ts";
import { queryBoolean } from "../../query-schemas.ts";
import { parseInput } from "../../validation.ts";
import { toFile } from "./file-presenter.ts";

const UploadQuerySchema = z.object({ convertToPdf: queryBoolean.optional() });
const UploadFieldsSchema = z.object({ convertToPdf: queryBoolean });

export function registerUploadFile(app: FastifyInstance, deps: HttpDeps): void {
  app.post("/files/upload", async (request) => {
    const query = parseInput(UploadQuerySchema, request.query, "query");
    let convertToPdf = query.convertToPdf === true;
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
      } else if (part.fieldname === "convertToPdf" && typeof part.value === "string") {
        convertToPdf = parseInput(UploadFieldsSchema, { convertToPdf: part.value }).convertToPdf;
      }
    }
    if (stored === undefined)
      throw new AppError("INVALID_REQUEST", "Missing multipart part 'file'; Path: file");
    // After every part: a convertToPdf field may follow the file. Nothing is left stored if this throws.
    stored = await convertUpload(deps.services, stored, convertToPdf);
    if (password !== undefined) {
      // The SDK sends the password part after the file, so it is attached once the bytes are stored.
      stored = await setFilePassword(deps.services, stored, password);
    }
    return toFile(stored, null, undefined);
  });
}
