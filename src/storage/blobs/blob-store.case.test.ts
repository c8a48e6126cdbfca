/**
 * The BlobStore contract: every implementation's test calls runBlobStoreContract with a fresh store.
 */
import assert from "node:assert/strict";
import { Readable } from "node:stream";
import { describe, it } from "node:test";
import { BlobNotFoundError, type BlobStore } from "./blob-store.ts";

async function readAll(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.from(chunk as Uint8Array));
  return Buffer.concat(chunks);
}

export function runBlobStoreContract(name: string, makeStore: () => Promise<BlobStore>): void {
  describe(`BlobStore contract: ${name}`, () => {
    it("stores a stream and reads it back byte-identical", async () => {
      const store = await makeStore();
      const bytes = Buffer.alloc(300_000);
      for (let i = 0; i < bytes.length; i++) bytes[i] = (i * 31) % 251;
      const chunks = [bytes.subarray(0, 70_000), bytes.subarray(70_000, 200_001), bytes.subarray(200_001)];
      const { size } = await store.put("ws_a/file_one", Readable.from(chunks));
      assert.equal(size, bytes.length);
      assert.deepEqual(await store.getBytes("ws_a/file_one"), bytes);
      assert.deepEqual(await readAll(await store.get("ws_a/file_one")), bytes);
      assert.equal(await store.exists("ws_a/file_one"), true);
    });

    it("stores a Uint8Array and overwrites an existing key", async () => {
      const store = await makeStore();
      await store.put("k/overwrite", new TextEncoder().encode("first"));
      await store.put("k/overwrite", new TextEncoder().encode("second"));
      assert.equal((await store.getBytes("k/overwrite")).toString(), "second");
    });

    it("leaves nothing behind when the source stream fails midway", async () => {
      const store = await makeStore();
      const failing = new Readable({
        read() {
          this.push(Buffer.alloc(64 * 1024, 1));
          this.destroy(new Error("source broke"));
        },
      });
      await assert.rejects(store.put("k/broken", failing), /source broke/);
      assert.equal(await store.exists("k/broken"), false);
    });

    it("reports a missing key as BlobNotFoundError and deletes idempotently", async () => {
      const store = await makeStore();
      await assert.rejects(store.getBytes("k/missing"), BlobNotFoundError);
      await assert.rejects(store.get("k/missing"), BlobNotFoundError);
      await store.put("k/gone", Buffer.from("x"));
      await store.delete("k/gone");
      await store.delete("k/gone");
      assert.equal(await store.exists("k/gone"), false);
    });

    it("refuses keys that could escape the store", async () => {
      const store = await makeStore();
      for (const key of ["../etc/passwd", "/abs", "a//b", "a/./b", ""]) {
        await assert.rejects(store.put(key, Buffer.from("x")), /Invalid blob key/);
      }
    });
  });
}
