/**
 * What every use case receives: the adapters chosen by app.ts and the settings it resolved. Services
 * never read configuration themselves; this object is their whole world.
 */
import type { Logger } from "../shared/logger.ts";
import type { BlobStore } from "../storage/blobs/blob-store.ts";
import type { Database } from "../storage/db/database.ts";

export interface ServiceSettings {
  readonly maxUploadBytes: number;
  readonly presignedUrlTtlSeconds: number;
  /** HMAC key for Quire-signed URLs (resolved at startup: config, else the database). */
  readonly signingSecret: string;
  readonly fileUrls: {
    readonly allowPrivate: boolean;
    readonly allowedHosts: readonly string[];
    readonly timeoutMs: number;
  };
}

export interface ServiceContext {
  readonly db: Database;
  readonly blobs: BlobStore;
  readonly logger: Logger;
  readonly settings: ServiceSettings;
}
