/** The parseRuns resource: one route per SDK method. */
import type { FastifyInstance } from "fastify";
import type { HttpDeps } from "../../http-deps.ts";
import { registerCancelParseRun } from "./cancel-parse-run.ts";
import { registerCreateParseBatch } from "./create-parse-batch.ts";
import { registerCreateParseRun } from "./create-parse-run.ts";
import { registerDeleteParseRun } from "./delete-parse-run.ts";
import { registerListParseRuns } from "./list-parse-runs.ts";
import { registerRetrieveParseRun } from "./retrieve-parse-run.ts";

export function registerParseRunRoutes(app: FastifyInstance, deps: HttpDeps): void {
  registerCreateParseRun(app, deps);
  registerCreateParseBatch(app, deps);
  registerListParseRuns(app, deps);
  registerRetrieveParseRun(app, deps);
  registerDeleteParseRun(app, deps);
  registerCancelParseRun(app, deps);
}
