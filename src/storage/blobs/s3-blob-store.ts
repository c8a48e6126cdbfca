/**
 * Blobs as objects in an S3-compatible bucket (AWS, MinIO, R2, …), under an optional key prefix so one
 * bucket can hold several deployments. Used when the api and worker roles run on separate machines.
 */
import { Readable } from "node:stream";
import {
  DeleteObjectCommand,
  GetObjectCommand,
  HeadObjectCommand,
  PutObjectCommand,
  S3Client,
  type S3ClientConfig,
  S3ServiceException,
} from "@aws-sdk/client-s3";
import { Upload } from "@aws-sdk/lib-storage";
import { getSignedUrl } from "@aws-sdk/s3-request-presigner";
import {
  assertValidKey,
  BlobNotFoundError,
  type BlobStore,
  type DownloadUrlOptions,
  type PutOptions,
} from "./blob-store.ts";

/** Mirrors the s3 branch of Config["blobs"]; kept separate so storage does not depend on config. */
export interface S3BlobStoreOptions {
  readonly bucket: string;
  readonly region: string;
  /** Unset: AWS itself. Set: an S3-compatible server, which gets the conservative checksum mode. */
  readonly endpoint?: string | undefined;
  /** Both or neither; neither means the SDK's default credential chain (env, profile, IAM role). */
  readonly accessKeyId?: string | undefined;
  readonly secretAccessKey?: string | undefined;
  readonly forcePathStyle: boolean;
  /** Prepended to every key; a trailing slash is implied ("quire" and "quire/" are the same). */
  readonly prefix: string;
}

/** S3's minimum part size; a larger part would only raise the memory held per upload. */
const PART_SIZE_BYTES = 5 * 1024 * 1024;
/** Parts in flight per put: bounds the memory of one streamed upload to PART_SIZE × this. */
const UPLOAD_QUEUE_SIZE = 2;

export class S3BlobStore implements BlobStore {
  readonly kind = "s3" as const;
  readonly #client: S3Client;
  readonly #bucket: string;
  readonly #prefix: string;

  constructor(options: S3BlobStoreOptions) {
    const { accessKeyId, secretAccessKey, endpoint } = options;
    if ((accessKeyId === undefined) !== (secretAccessKey === undefined)) {
      throw new Error("S3BlobStore: set both accessKeyId and secretAccessKey, or neither");
    }
    const config: S3ClientConfig = {
      region: options.region,
      forcePathStyle: options.forcePathStyle,
    };
    if (endpoint !== undefined) {
      config.endpoint = endpoint;
      // SDK ≥ 3.729 sends CRC32 checksum headers on every upload and asks for checksums back
      // (aws/aws-sdk-js-v3#6810); R2 answers 501 NotImplemented, B2 and older MinIO reject them too.
      // s3rver happens to ignore them, but a custom endpoint is by definition not AWS, so compute
      // checksums only where an operation requires one. AWS itself keeps the stronger default.
      config.requestChecksumCalculation = "WHEN_REQUIRED";
      config.responseChecksumValidation = "WHEN_REQUIRED";
    }
    if (accessKeyId !== undefined && secretAccessKey !== undefined) {
      config.credentials = { accessKeyId, secretAccessKey };
    }
    this.#client = new S3Client(config);
    this.#bucket = options.bucket;
    const trimmed = options.prefix.replace(/^\/+|\/+$/g, "");
    this.#prefix = trimmed === "" ? "" : `${trimmed}/`;
  }

  #objectKey(key: string): string {
    assertValidKey(key);
    return `${this.#prefix}${key}`;
  }

  async put(key: string, body: Readable | Uint8Array, options?: PutOptions): Promise<{ size: number }> {
    const objectKey = this.#objectKey(key);
    const contentType = options?.contentType === undefined ? {} : { ContentType: options.contentType };
    if (!(body instanceof Readable)) {
      // Known length: one PutObject, which S3 applies atomically (no partial object ever visible).
      await this.#client.send(
        new PutObjectCommand({
          Bucket: this.#bucket,
          Key: objectKey,
          Body: body,
          ContentLength: body.byteLength,
          ...contentType,
        }),
      );
      return { size: body.byteLength };
    }

    // Unknown length: lib-storage buffers PART_SIZE chunks, sends one PutObject if the stream ends
    // within the first part, else a multipart upload that only becomes visible on Complete. On any
    // failure it aborts the multipart upload, so nothing is left under the key.
    let size = 0;
    let sourceError: unknown;
    const counted = Readable.from(
      (async function* count(): AsyncGenerator<Buffer> {
        try {
          for await (const chunk of body) {
            const bytes = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as Uint8Array);
            size += bytes.byteLength;
            yield bytes;
          }
        } catch (error) {
          sourceError = error;
          throw error;
        }
      })(),
    );
    const upload = new Upload({
      client: this.#client,
      params: { Bucket: this.#bucket, Key: objectKey, Body: counted, ...contentType },
      partSize: PART_SIZE_BYTES,
      queueSize: UPLOAD_QUEUE_SIZE,
      leavePartsOnError: false,
    });
    try {
      await upload.done();
    } catch (error) {
      body.destroy();
      // If aborting the multipart upload also failed, lib-storage throws that instead; the caller
      // needs the root cause (the source's failure), with the abort failure kept as context.
      if (sourceError !== undefined && error !== sourceError) {
        if (sourceError instanceof Error && sourceError.cause === undefined) sourceError.cause = error;
        throw sourceError;
      }
      throw error;
    }
    return { size };
  }

  async get(key: string): Promise<Readable> {
    const objectKey = this.#objectKey(key);
    const response = await this.#getObject(key, objectKey);
    const body = response.Body;
    // In Node the SDK's body is an http.IncomingMessage; anything else means a non-Node runtime.
    if (!(body instanceof Readable)) throw new Error(`S3 GetObject for ${objectKey} returned no stream`);
    return body;
  }

  async getBytes(key: string): Promise<Buffer> {
    const objectKey = this.#objectKey(key);
    const response = await this.#getObject(key, objectKey);
    if (response.Body === undefined) throw new Error(`S3 GetObject for ${objectKey} returned no body`);
    const bytes = await response.Body.transformToByteArray();
    return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }

  async #getObject(key: string, objectKey: string) {
    try {
      return await this.#client.send(new GetObjectCommand({ Bucket: this.#bucket, Key: objectKey }));
    } catch (error) {
      if (isMissingObject(error)) throw new BlobNotFoundError(key);
      throw error;
    }
  }

  async delete(key: string): Promise<void> {
    // S3 answers 204 for a missing key too, which gives the idempotence the port promises.
    await this.#client.send(new DeleteObjectCommand({ Bucket: this.#bucket, Key: this.#objectKey(key) }));
  }

  async exists(key: string): Promise<boolean> {
    try {
      await this.#client.send(new HeadObjectCommand({ Bucket: this.#bucket, Key: this.#objectKey(key) }));
      return true;
    } catch (error) {
      // Only "not found" means absent; a 403 or an outage must surface, not read as a missing file.
      if (isMissingObject(error)) return false;
      throw error;
    }
  }

  async createDownloadUrl(key: string, options: DownloadUrlOptions): Promise<string> {
    const command = new GetObjectCommand({
      Bucket: this.#bucket,
      Key: this.#objectKey(key),
      ResponseContentDisposition: attachmentDisposition(options.fileName),
      ResponseContentType: options.contentType,
    });
    // SigV4 caps presigned URLs at 7 days; the SDK throws beyond that rather than minting a dead URL.
    return await getSignedUrl(this.#client, command, { expiresIn: options.expiresInSeconds });
  }

  /** Closes the client's pooled sockets; for shutdown and tests. */
  destroy(): void {
    this.#client.destroy();
  }
}

/**
 * HEAD has no error body, so a missing object there is a bare 404 ("NotFound"); GET says NoSuchKey.
 * NoSuchBucket is deliberately not "missing": it is a configuration error and must surface.
 */
function isMissingObject(error: unknown): boolean {
  if (!(error instanceof S3ServiceException)) return false;
  if (error.name === "NoSuchKey" || error.name === "NotFound") return true;
  return error.name !== "NoSuchBucket" && error.$metadata.httpStatusCode === 404;
}

/**
 * RFC 6266: an ASCII fallback in filename= for old clients, the exact UTF-8 name in filename*=.
 * Quotes, backslashes and control characters would break the header, so the fallback replaces them.
 */
export function attachmentDisposition(fileName: string): string {
  const fallback = fileName.replace(/[^\x20-\x7e]|["\\]/g, "_");
  const encoded = encodeURIComponent(fileName).replace(
    /['()*]/g,
    (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}
