/**
 * The composition root: the only place that picks implementations from configuration and wires them
 * together. Everything below receives its adapters; nothing else constructs infrastructure.
 */
import type { FastifyInstance } from "fastify";
import type { Config } from "./config/config.ts";
import type { PdfConverterSettings } from "./engine/convert/convert-to-pdf.ts";
import { findSoffice } from "./engine/convert/soffice.ts";
import { TesseractCliOcrEngine } from "./engine/ocr/tesseract-cli-ocr-engine.ts";
import { EnginePool } from "./engine/pipeline/engine-pool.ts";
import { createHttpApp } from "./http/create-http-app.ts";
import { createRateLimiter } from "./http/rate-limiter.ts";
import type { FieldExtractor } from "./providers/extraction/field-extractor.ts";
import { LocalFieldExtractor } from "./providers/extraction/local/local-field-extractor.ts";
import { OpenAiCompatibleFieldExtractor } from "./providers/extraction/openai-compatible/openai-compatible-field-extractor.ts";
import { LocalSchemaInferrer } from "./providers/extraction/schema-inference/local/local-schema-inferrer.ts";
import { OpenAiCompatibleSchemaInferrer } from "./providers/extraction/schema-inference/openai-compatible/openai-compatible-schema-inferrer.ts";
import type { SchemaInferrer } from "./providers/extraction/schema-inference/schema-inferrer.ts";
import type { JobQueue } from "./queue/job-queue.ts";
import { PgBossJobQueue } from "./queue/pg-boss-job-queue.ts";
import { createAuthenticator } from "./services/auth/authenticate.ts";
import type { ServiceContext } from "./services/context.ts";
import { executeExtractRun } from "./services/extract/execute-extract-run.ts";
import { executeParseRun } from "./services/parse/execute-parse-run.ts";
import { failAbandonedRun } from "./services/runs/fail-abandoned-run.ts";
import {
  ALL_JOB_NAMES,
  DEAD_LETTER_QUEUES,
  JOB_NAMES,
  type RunJobPayload,
} from "./services/runs/job-names.ts";
import { createRunEvents } from "./services/runs/run-events.ts";
import { bootstrapTenancy } from "./services/tenancy/bootstrap-tenancy.ts";
import { assertNever } from "./shared/assert-never.ts";
import { systemClock } from "./shared/clock.ts";
import type { Logger } from "./shared/logger.ts";
import type { BlobStore } from "./storage/blobs/blob-store.ts";
import { LocalDiskBlobStore } from "./storage/blobs/local-disk-blob-store.ts";
import { S3BlobStore } from "./storage/blobs/s3-blob-store.ts";
import { type DataDirLock, lockDataDir } from "./storage/db/data-dir-lock.ts";
import type { Database } from "./storage/db/database.ts";
import { migrate } from "./storage/db/migrate.ts";
import { PgliteDatabase } from "./storage/db/pglite-database.ts";
import { PostgresDatabase } from "./storage/db/postgres-database.ts";

export interface App {
  readonly config: Config;
  readonly services: ServiceContext;
  readonly http: FastifyInstance | undefined;
  /** A key generated on first start (no QUIRE_API_KEY, no keys): print it once. */
  readonly generatedApiKey: string | undefined;
  /** Starts listening (api role); resolves with the bound URL. */
  start(): Promise<string | undefined>;
  /** Graceful: stop accepting, finish in-flight requests, close the database. Idempotent. */
  stop(): Promise<void>;
}

export async function openDatabase(config: Config): Promise<{ db: Database; lock: DataDirLock | undefined }> {
  switch (config.database.kind) {
    case "pglite": {
      const lock = await lockDataDir(config.database.dataDir);
      try {
        return { db: await PgliteDatabase.open(config.database.dataDir), lock };
      } catch (error) {
        await lock.release();
        throw error;
      }
    }
    case "postgres":
      return { db: new PostgresDatabase(config.database.url, config.database.poolSize), lock: undefined };
    default:
      return assertNever(config.database, "database kind");
  }
}

/** pg-boss polls for new jobs; half a second keeps queue pickup (and so sync requests) snappy. */
const QUEUE_TIMINGS = { pollingIntervalSeconds: 0.5 } as const;

function createJobQueue(config: Config, db: Database, logger: Logger): JobQueue {
  switch (config.database.kind) {
    case "pglite":
      return new PgBossJobQueue({
        connection: { database: db },
        logger,
        queues: ALL_JOB_NAMES,
        deadLetters: DEAD_LETTER_QUEUES,
        timings: QUEUE_TIMINGS,
      });
    case "postgres":
      return new PgBossJobQueue({
        connection: {
          connectionString: config.database.url,
          poolSize: Math.max(2, Math.ceil(config.database.poolSize / 2)),
        },
        logger,
        queues: ALL_JOB_NAMES,
        deadLetters: DEAD_LETTER_QUEUES,
        timings: QUEUE_TIMINGS,
      });
    default:
      return assertNever(config.database, "database kind");
  }
}

/** auto → the tesseract CLI when it is installed (faster, better on degraded scans), else tesseract.js. */
async function resolveOcrEngine(
  config: Config,
): Promise<{ engine: "tesseract-cli" | "tesseract-js" } | undefined> {
  switch (config.ocrEngine) {
    case "none":
      return undefined;
    case "tesseract-cli":
    case "tesseract-js":
      return { engine: config.ocrEngine };
    case "auto": {
      const cli = new TesseractCliOcrEngine();
      const available = await cli.isAvailable();
      await cli.close();
      return { engine: available ? "tesseract-cli" : "tesseract-js" };
    }
    default:
      return assertNever(config.ocrEngine, "OCR engine");
  }
}

/** LIBREOFFICE_PATH: auto → soffice/libreoffice on the PATH when installed; none → no converter. */
async function resolvePdfConverter(config: Config, logger: Logger): Promise<PdfConverterSettings> {
  const { path: configured, timeoutMs, concurrency } = config.libreOffice;
  const sofficePath =
    configured === "none" ? undefined : await findSoffice(configured === "auto" ? undefined : configured);
  if (sofficePath === undefined && configured !== "none") {
    logger.warn(
      { libreOfficePath: configured },
      "LibreOffice not found: legacy Office, OpenDocument and RTF files cannot be parsed, uploads are not converted to PDF",
    );
  }
  return { sofficePath, timeoutMs, concurrency };
}

function createFieldExtractor(config: Config): FieldExtractor {
  switch (config.extraction.engine) {
    case "local":
      return new LocalFieldExtractor();
    case "openai-compatible":
      return new OpenAiCompatibleFieldExtractor({
        baseUrl: config.extraction.baseUrl,
        apiKey: config.extraction.apiKey,
        model: config.extraction.model,
        timeoutMs: config.extraction.timeoutMs,
        maxCharactersPerWindow: config.extraction.maxCharactersPerWindow,
      });
    default:
      return assertNever(config.extraction, "extraction engine");
  }
}

function createSchemaInferrer(config: Config): SchemaInferrer {
  switch (config.extraction.engine) {
    case "local":
      return new LocalSchemaInferrer();
    case "openai-compatible":
      return new OpenAiCompatibleSchemaInferrer({
        baseUrl: config.extraction.baseUrl,
        apiKey: config.extraction.apiKey,
        model: config.extraction.model,
        timeoutMs: config.extraction.timeoutMs,
        maxCharacters: config.extraction.maxCharactersPerWindow,
      });
    default:
      return assertNever(config.extraction, "extraction engine");
  }
}

function createBlobStore(config: Config): BlobStore {
  switch (config.blobs.kind) {
    case "local":
      return new LocalDiskBlobStore(config.blobs.root);
    case "s3":
      return new S3BlobStore(config.blobs);
    default:
      return assertNever(config.blobs, "blob store kind");
  }
}

export async function createApp(config: Config, logger: Logger): Promise<App> {
  const { db, lock } = await openDatabase(config);
  let ready = false;
  let stopping: Promise<void> | undefined;
  let queue: JobQueue | undefined;
  let engine: EnginePool | undefined;
  try {
    await migrate(db);
    const tenancy = await bootstrapTenancy(db, {
      apiKey: config.apiKey,
      signingSecret: config.signingSecret,
    });
    queue = createJobQueue(config, db, logger);
    await queue.start();
    engine = new EnginePool({ size: config.runs.engineThreads });
    const services: ServiceContext = {
      db,
      blobs: createBlobStore(config),
      logger,
      queue,
      engine,
      extractor: createFieldExtractor(config),
      schemaInferrer: createSchemaInferrer(config),
      runEvents: createRunEvents(),
      settings: {
        maxUploadBytes: config.limits.maxUploadBytes,
        presignedUrlTtlSeconds: config.limits.presignedUrlTtlSeconds,
        signingSecret: tenancy.signingSecret,
        maxPages: config.runs.maxPages,
        ocr: await resolveOcrEngine(config),
        pdfConverter: await resolvePdfConverter(config, logger),
        syncTimeoutMs: config.runs.syncTimeoutMs,
        fileUrls: config.fileUrls,
      },
    };
    const http =
      config.role === "worker"
        ? undefined
        : await createHttpApp({
            services,
            authenticator: createAuthenticator(db, systemClock),
            rateLimiter: createRateLimiter(config.rateLimit.perSecond, config.rateLimit.burst, systemClock),
            logger,
            publicUrl: config.http.publicUrl,
            isReady: () => ready,
          });

    return {
      config,
      services,
      http,
      generatedApiKey: tenancy.generatedToken,
      async start() {
        if (config.role !== "api") {
          await services.queue.work<RunJobPayload>(
            JOB_NAMES.executeParseRun,
            (job) => executeParseRun(services, job),
            {
              concurrency: config.runs.workerConcurrency,
            },
          );
          await services.queue.work<RunJobPayload>(
            JOB_NAMES.executeExtractRun,
            (job) => executeExtractRun(services, job),
            { concurrency: config.runs.workerConcurrency },
          );
          await services.queue.work<RunJobPayload>(
            JOB_NAMES.abandonedRun,
            (job) => failAbandonedRun(services, job),
            {
              concurrency: 1,
            },
          );
        }
        ready = true;
        if (http === undefined) return undefined;
        return http.listen({ port: config.http.port, host: config.http.host });
      },
      stop() {
        stopping ??= (async () => {
          ready = false;
          if (http !== undefined) await http.close();
          // Drain: running jobs get the grace period, then are released for another worker to retry.
          await services.queue.stop({ graceful: true, timeoutMs: config.runs.shutdownGraceMs });
          await services.engine.close();
          await services.extractor.close?.();
          await db.close();
          await lock?.release();
        })();
        return stopping;
      },
    };
  } catch (error) {
    await queue?.stop({ graceful: false, timeoutMs: 0 }).catch(() => {});
    await engine?.close().catch(() => {});
    await db.close().catch(() => {});
    await lock?.release();
    throw error;
  }
}
