/**
 * The composition root: the only place that picks implementations from configuration and wires them
 * together. Everything below receives its adapters; nothing else constructs infrastructure.
 */
import type { FastifyInstance } from "fastify";
import type { Config } from "./config/config.ts";
import { createHttpApp } from "./http/create-http-app.ts";
import { createRateLimiter } from "./http/rate-limiter.ts";
import { createAuthenticator } from "./services/auth/authenticate.ts";
import type { ServiceContext } from "./services/context.ts";
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
  try {
    await migrate(db);
    const tenancy = await bootstrapTenancy(db, {
      apiKey: config.apiKey,
      signingSecret: config.signingSecret,
    });
    const services: ServiceContext = {
      db,
      blobs: createBlobStore(config),
      logger,
      settings: {
        maxUploadBytes: config.limits.maxUploadBytes,
        presignedUrlTtlSeconds: config.limits.presignedUrlTtlSeconds,
        signingSecret: tenancy.signingSecret,
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
        ready = true;
        if (http === undefined) return undefined;
        return http.listen({ port: config.http.port, host: config.http.host });
      },
      stop() {
        stopping ??= (async () => {
          ready = false;
          if (http !== undefined) await http.close();
          await db.close();
          await lock?.release();
        })();
        return stopping;
      },
    };
  } catch (error) {
    await db.close().catch(() => {});
    await lock?.release();
    throw error;
  }
}
