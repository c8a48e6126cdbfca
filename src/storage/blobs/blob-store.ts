/**
 * The blob port: file bytes by key. Implementations: LocalDiskBlobStore (embedded default) and
 * S3BlobStore (scaled out). Every implementation runs blob-store.case.test.ts.
 */
import type { Readable } from "node:stream";

export interface PutOptions {
  readonly contentType?: string;
}

export interface DownloadUrlOptions {
  readonly expiresInSeconds: number;
  readonly fileName: string;
  readonly contentType: string;
}

export interface BlobStore {
  readonly kind: "local" | "s3";
  /**
   * Stores the stream under key. Resolves with the stored size once the bytes are durable; on any
   * error (including the source stream failing) nothing is left under key.
   */
  put(key: string, body: Readable | Uint8Array, options?: PutOptions): Promise<{ size: number }>;
  /** A readable stream of the blob; rejects with BlobNotFoundError if absent. */
  get(key: string): Promise<Readable>;
  getBytes(key: string): Promise<Buffer>;
  /** Idempotent: deleting a missing key succeeds. */
  delete(key: string): Promise<void>;
  exists(key: string): Promise<boolean>;
  /**
   * A native expiring download URL when the backend has one (S3 presigning); undefined when Quire
   * must serve the bytes itself through its HMAC-signed /blobs route.
   */
  createDownloadUrl(key: string, options: DownloadUrlOptions): Promise<string | undefined>;
}

export class BlobNotFoundError extends Error {
  readonly key: string;
  constructor(key: string) {
    super(`Blob not found: ${key}`);
    this.name = "BlobNotFoundError";
    this.key = key;
  }
}

/** Keys are relative, slash-separated, and never climb out of the store. */
export function assertValidKey(key: string): void {
  if (
    key === "" ||
    key.startsWith("/") ||
    key.split("/").some((part) => part === "" || part === "." || part === "..")
  ) {
    throw new Error(`Invalid blob key: ${JSON.stringify(key)}`);
  }
  if (!/^[A-Za-z0-9._\-/]+$/.test(key)) throw new Error(`Invalid blob key: ${JSON.stringify(key)}`);
}
