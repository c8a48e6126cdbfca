/**
 * Blobs as files under a root directory. Writes go to a temporary file in the same directory and are
 * renamed into place after fsync, so a crash never leaves a half-written blob under its key.
 */
import { randomBytes } from "node:crypto";
import { createReadStream, createWriteStream } from "node:fs";
import { mkdir, open, readFile, rename, rm, stat } from "node:fs/promises";
import path from "node:path";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { assertValidKey, BlobNotFoundError, type BlobStore } from "./blob-store.ts";

export class LocalDiskBlobStore implements BlobStore {
  readonly kind = "local" as const;
  readonly #root: string;

  constructor(root: string) {
    this.#root = path.resolve(root);
  }

  #pathOf(key: string): string {
    assertValidKey(key);
    return path.join(this.#root, ...key.split("/"));
  }

  async put(key: string, body: Readable | Uint8Array): Promise<{ size: number }> {
    const target = this.#pathOf(key);
    await mkdir(path.dirname(target), { recursive: true });
    const temporary = `${target}.${randomBytes(6).toString("hex")}.partial`;
    try {
      const source = body instanceof Readable ? body : Readable.from([body]);
      await pipeline(source, createWriteStream(temporary, { flags: "wx" }));
      const handle = await open(temporary, "r");
      try {
        await handle.sync();
      } finally {
        await handle.close();
      }
      await rename(temporary, target);
      return { size: (await stat(target)).size };
    } catch (error) {
      await rm(temporary, { force: true });
      throw error;
    }
  }

  async get(key: string): Promise<Readable> {
    const file = this.#pathOf(key);
    try {
      await stat(file);
    } catch {
      throw new BlobNotFoundError(key);
    }
    return createReadStream(file);
  }

  async getBytes(key: string): Promise<Buffer> {
    try {
      return await readFile(this.#pathOf(key));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "ENOENT") throw new BlobNotFoundError(key);
      throw error;
    }
  }

  async delete(key: string): Promise<void> {
    await rm(this.#pathOf(key), { force: true });
  }

  async exists(key: string): Promise<boolean> {
    try {
      return (await stat(this.#pathOf(key))).isFile();
    } catch {
      return false;
    }
  }

  async createDownloadUrl(): Promise<string | undefined> {
    return undefined;
  }
}
