/** Shapes a parse run for the wire, inlining its output or linking to it per responseType. */

import type { Extend } from "extend-ai";
import type { FastifyRequest } from "fastify";
import { createParseOutputUrl, loadParseOutput } from "../../../services/parse/read-parse-run.ts";
import type { RunRecord } from "../../../storage/repositories/run-repository.ts";
import { baseUrlOf } from "../../base-url.ts";
import type { HttpDeps } from "../../http-deps.ts";
import { toParseRun } from "./parse-run-presenter.ts";

export async function presentParseRun(
  deps: HttpDeps,
  request: FastifyRequest,
  run: RunRecord,
  responseType: "json" | "url" = "json",
): Promise<Extend.ParseRun> {
  const baseUrl = baseUrlOf(request, deps.publicUrl);
  if (responseType === "url") {
    const outputUrl = await createParseOutputUrl(deps.services, run, baseUrl);
    return toParseRun(run, { output: null, outputUrl });
  }
  return toParseRun(run, { output: await loadParseOutput(deps.services, run, baseUrl), outputUrl: null });
}
