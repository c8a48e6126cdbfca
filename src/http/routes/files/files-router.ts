/** The Files resource: one route per SDK method. */
import type { FastifyInstance } from "fastify";
import type { HttpDeps } from "../../http-deps.ts";
import { registerDeleteFile } from "./delete-file.ts";
import { registerListFiles } from "./list-files.ts";
import { registerRetrieveFile } from "./retrieve-file.ts";
import { registerUploadFile } from "./upload-file.ts";

export function registerFileRoutes(app: FastifyInstance, deps: HttpDeps): void {
  registerUploadFile(app, deps);
  registerListFiles(app, deps);
  registerRetrieveFile(app, deps);
  registerDeleteFile(app, deps);
}
