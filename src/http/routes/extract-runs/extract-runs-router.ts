/**
 * The extractRuns resource (create, retrieve, list, delete, cancel, batch) and the sync POST /extract:
 * thin handlers over services/extract and services/runs.
 */

import type { Extend } from "extend-ai";
import type { FastifyInstance } from "fastify";
import { createExtractBatch } from "../../../services/extract/create-extract-batch.ts";
import { createExtractRun } from "../../../services/extract/create-extract-run.ts";
import { cancelRun } from "../../../services/runs/cancel-run.ts";
import { deleteRunOfType, listRunsOfType, retrieveRunOfType } from "../../../services/runs/read-runs.ts";
import { waitForRun } from "../../../services/runs/wait-for-run.ts";
import { baseUrlOf } from "../../base-url.ts";
import type { HttpDeps } from "../../http-deps.ts";
import { listEnvelope, parsePageQuery } from "../../pagination.ts";
import { parseInput } from "../../validation.ts";
import {
  CreateExtractBatchBodySchema,
  CreateExtractRunBodySchema,
  ListExtractRunsQuerySchema,
} from "./extract-run-bodies.ts";
import { toExtractRun, toExtractRunSummary } from "./extract-run-presenter.ts";

export function registerExtractRunRoutes(app: FastifyInstance, deps: HttpDeps): void {
  const services = deps.services;

  app.post("/extract_runs", async (request) => {
    const body = parseInput(CreateExtractRunBodySchema, request.body);
    const run = await createExtractRun(services, request.auth.workspaceId, body);
    return toExtractRun(run, baseUrlOf(request, deps.publicUrl));
  });

  // Sync: the same run, awaited (see routes/parse/parse.ts for the timeout rule).
  app.post("/extract", async (request) => {
    const body = parseInput(CreateExtractRunBodySchema, request.body);
    const workspaceId = request.auth.workspaceId;
    const created = await createExtractRun(services, workspaceId, body);
    const abandoned = new AbortController();
    request.raw.once("close", () => abandoned.abort());
    await waitForRun(services, created.id, services.settings.syncTimeoutMs, abandoned.signal);
    return toExtractRun(
      await retrieveRunOfType(services, workspaceId, created.id, "extract"),
      baseUrlOf(request, deps.publicUrl),
    );
  });

  app.post("/extract_runs/batch", async (request): Promise<Extend.BatchRun> => {
    const body = parseInput(CreateExtractBatchBodySchema, request.body);
    const batch = await createExtractBatch(services, request.auth.workspaceId, body);
    return {
      object: "batch_run",
      id: batch.id,
      status: "PENDING",
      runCount: batch.runCount,
      createdAt: batch.createdAt.toISOString(),
    };
  });

  app.get("/extract_runs", async (request) => {
    const query = parseInput(ListExtractRunsQuerySchema, request.query, "query");
    const page = parsePageQuery(request.query, { sortable: true });
    const { extractorId, ...filters } = query;
    const result = await listRunsOfType(
      services,
      request.auth.workspaceId,
      "extract",
      { ...filters, processorId: extractorId },
      page,
    );
    const baseUrl = baseUrlOf(request, deps.publicUrl);
    return listEnvelope(
      result.items.map((run) => toExtractRunSummary(run, baseUrl)),
      result.nextPageToken,
    );
  });

  app.get<{ Params: { id: string } }>("/extract_runs/:id", async (request) =>
    toExtractRun(
      await retrieveRunOfType(services, request.auth.workspaceId, request.params.id, "extract"),
      baseUrlOf(request, deps.publicUrl),
    ),
  );

  app.delete<{ Params: { id: string } }>("/extract_runs/:id", async (request) => {
    await deleteRunOfType(services, request.auth.workspaceId, request.params.id, "extract");
    return { id: request.params.id };
  });

  app.post<{ Params: { id: string } }>("/extract_runs/:id/cancel", async (request) =>
    toExtractRun(
      await cancelRun(services, request.auth.workspaceId, request.params.id, "extract"),
      baseUrlOf(request, deps.publicUrl),
    ),
  );
}
