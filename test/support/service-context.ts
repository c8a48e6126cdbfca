/** A ServiceContext over a real test database and a temp-dir blob store, for service-level tests. */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { EnginePool } from "../../src/engine/pipeline/engine-pool.ts";
import { LocalFieldExtractor } from "../../src/providers/extraction/local/local-field-extractor.ts";
import { LocalSchemaInferrer } from "../../src/providers/extraction/schema-inference/local/local-schema-inferrer.ts";
import { PgBossJobQueue } from "../../src/queue/pg-boss-job-queue.ts";
import type { ServiceContext, ServiceSettings } from "../../src/services/context.ts";
import { ALL_JOB_NAMES } from "../../src/services/runs/job-names.ts";
import { createRunEvents } from "../../src/services/runs/run-events.ts";
import { bootstrapTenancy } from "../../src/services/tenancy/bootstrap-tenancy.ts";
import { createLogger } from "../../src/shared/logger.ts";
import { LocalDiskBlobStore } from "../../src/storage/blobs/local-disk-blob-store.ts";
import type { TestDatabase } from "./test-databases.ts";

export async function createServiceContext(
  database: TestDatabase,
  settings: Partial<ServiceSettings> = {},
): Promise<{ ctx: ServiceContext; workspaceId: string; blobRoot: string; dispose(): Promise<void> }> {
  const blobRoot = await mkdtemp(path.join(tmpdir(), "quire-svc-"));
  const logger = createLogger("silent");
  const engine = new EnginePool({ size: 1 });
  const tenancy = await bootstrapTenancy(database.db, {
    apiKey: undefined,
    signingSecret: "test-secret",
    generateKey: false,
  });
  const ctx: ServiceContext = {
    db: database.db,
    blobs: new LocalDiskBlobStore(blobRoot),
    logger,
    // Constructed, not started: tests that run jobs start it themselves (pg-boss creates its schema then).
    queue: new PgBossJobQueue({ connection: { database: database.db }, logger, queues: ALL_JOB_NAMES }),
    engine,
    extractor: new LocalFieldExtractor(),
    schemaInferrer: new LocalSchemaInferrer(),
    runEvents: createRunEvents(),
    settings: {
      maxUploadBytes: 1024 * 1024,
      presignedUrlTtlSeconds: 900,
      signingSecret: tenancy.signingSecret,
      maxPages: 1000,
      ocr: { engine: "tesseract-cli" },
      syncTimeoutMs: 10_000,
      fileUrls: { allowPrivate: false, allowedHosts: [], timeoutMs: 2000 },
      ...settings,
    },
  };
  return {
    ctx,
    workspaceId: tenancy.workspace.id,
    blobRoot,
    dispose: () => rm(blobRoot, { recursive: true, force: true }),
  };
}
