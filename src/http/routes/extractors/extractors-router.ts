/** The extractors resource and its versions: one route per SDK method. */
import type { FastifyInstance } from "fastify";
import type { HttpDeps } from "../../http-deps.ts";
import { registerCreateExtractorVersion } from "../extractor-versions/create-extractor-version.ts";
import { registerListExtractorVersions } from "../extractor-versions/list-extractor-versions.ts";
import { registerRetrieveExtractorVersion } from "../extractor-versions/retrieve-extractor-version.ts";
import { registerCreateExtractor } from "./create-extractor.ts";
import { registerListExtractors } from "./list-extractors.ts";
import { registerRetrieveExtractor } from "./retrieve-extractor.ts";
import { registerUpdateExtractor } from "./update-extractor.ts";

export function registerExtractorRoutes(app: FastifyInstance, deps: HttpDeps): void {
  registerCreateExtractor(app, deps);
  registerListExtractors(app, deps);
  registerRetrieveExtractor(app, deps);
  registerUpdateExtractor(app, deps);
  registerCreateExtractorVersion(app, deps);
  registerListExtractorVersions(app, deps);
  registerRetrieveExtractorVersion(app, deps);
}
