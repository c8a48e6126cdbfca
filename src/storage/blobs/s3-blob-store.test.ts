/**
 * S3BlobStore against a real S3-protocol server (s3rver in a child process): the shared BlobStore
 * contract, plus what only S3 has: presigned URLs, key prefixes and multipart uploads.
 */
import assert from "node:assert/strict";
import { randomBytes } from "node:crypto";
import { Readable } from "node:stream";
import { describe, it } from "node:test";
import { HeadObjectCommand, S3Client } from "@aws-sdk/client-s3";
import { type S3TestServer, useS3TestServer } from "../../../test/support/s3-test-server.ts";
import { runBlobStoreContract } from "./blob-store.case.test.ts";
import { attachmentDisposition, S3BlobStore } from "./s3-blob-store.ts";

const s3Server = useS3TestServer();
const MIB = 1024 * 1024;

function storeOn(server: S3TestServer, prefix: string): S3BlobStore {
  return new S3BlobStore({
    bucket: server.bucket,
    region: server.region,
    endpoint: server.endpoint,
    accessKeyId: server.accessKeyId,
    secretAccessKey: server.secretAccessKey,
    forcePathStyle: true,
    prefix,
  });
}

/** A fresh prefix per store keeps tests independent while sharing one bucket. */
async function freshStore(): Promise<S3BlobStore> {
  return storeOn(await s3Server(), `t-${randomBytes(6).toString("hex")}/`);
}

/** Patterned bytes delivered in uneven chunks, as a stream of unknown length. */
function patterned(length: number): { bytes: Buffer; stream: () => Readable } {
  const bytes = Buffer.alloc(length);
  for (let i = 0; i < length; i++) bytes[i] = (i * 7 + (i >> 12)) % 253;
  const chunkSize = 700_001;
  return {
    bytes,
    stream: () =>
      Readable.from(
        (function* chunks() {
          for (let at = 0; at < length; at += chunkSize) yield bytes.subarray(at, at + chunkSize);
        })(),
      ),
  };
}

runBlobStoreContract("S3BlobStore", freshStore);

describe("S3BlobStore", () => {
  it("presigns a GET URL that a plain fetch downloads with the requested headers", async () => {
    const store = await freshStore();
    const bytes = Buffer.from("%PDF-1.7 presigned bytes");
    await store.put("ws_a/file_pdf", bytes, { contentType: "application/octet-stream" });

    const url = await store.createDownloadUrl("ws_a/file_pdf", {
      expiresInSeconds: 300,
      fileName: 'Résumé "final".pdf',
      contentType: "application/pdf",
    });

    assert.ok(url !== undefined);
    assert.match(url, /X-Amz-Signature=/);
    const response = await fetch(url);
    assert.equal(response.status, 200, await response.clone().text());
    assert.deepEqual(Buffer.from(await response.arrayBuffer()), bytes);
    assert.equal(response.headers.get("content-type"), "application/pdf");
    assert.equal(
      response.headers.get("content-disposition"),
      `attachment; filename="R_sum_ _final_.pdf"; filename*=UTF-8''R%C3%A9sum%C3%A9%20%22final%22.pdf`,
    );
  });

  // s3rver accepts any well-formed SigV4 signature without recomputing it, so the server cannot catch
  // a bad signature; this pins the URL's shape that real S3 needs for a header-less browser GET.
  it("presigns with only the host header signed and the requested lifetime", async () => {
    const store = await freshStore();
    const url = await store.createDownloadUrl("k/shape", {
      expiresInSeconds: 900,
      fileName: "a.txt",
      contentType: "text/plain",
    });
    assert.ok(url !== undefined);
    const query = new URL(url).searchParams;
    assert.equal(query.get("X-Amz-Algorithm"), "AWS4-HMAC-SHA256");
    assert.equal(query.get("X-Amz-SignedHeaders"), "host");
    assert.equal(query.get("X-Amz-Expires"), "900");
    assert.equal(query.get("response-content-type"), "text/plain");
    assert.match(query.get("response-content-disposition") ?? "", /^attachment; filename="a\.txt"/);
    // Path-style: /<bucket>/<prefix>/<key>.
    assert.match(new URL(url).pathname, new RegExp(`^/${(await s3Server()).bucket}/t-[0-9a-f]{12}/k/shape$`));
  });

  it("isolates stores with different prefixes in one bucket", async () => {
    const server = await s3Server();
    const tag = randomBytes(4).toString("hex");
    const left = storeOn(server, `left-${tag}`);
    const right = storeOn(server, `right-${tag}/`);

    await left.put("shared/key", Buffer.from("left"));
    assert.equal(await right.exists("shared/key"), false);
    await assert.rejects(right.getBytes("shared/key"), { name: "BlobNotFoundError" });

    await right.put("shared/key", Buffer.from("right"));
    assert.equal((await left.getBytes("shared/key")).toString(), "left");
    assert.equal((await right.getBytes("shared/key")).toString(), "right");

    await right.delete("shared/key");
    assert.equal((await left.getBytes("shared/key")).toString(), "left");

    // The prefix is a real key prefix in the bucket (with an implied slash), not an opaque namespace.
    const raw = new S3Client({
      region: server.region,
      endpoint: server.endpoint,
      forcePathStyle: true,
      credentials: { accessKeyId: server.accessKeyId, secretAccessKey: server.secretAccessKey },
    });
    try {
      const head = await raw.send(
        new HeadObjectCommand({ Bucket: server.bucket, Key: `left-${tag}/shared/key` }),
      );
      assert.equal(head.ContentLength, 4);
    } finally {
      raw.destroy();
    }
  });

  it("streams a multi-part upload of unknown length (several 5 MiB parts)", async () => {
    const store = await freshStore();
    const { bytes, stream } = patterned(12 * MIB + 12_345);
    const { size } = await store.put("big/blob", stream(), { contentType: "application/pdf" });
    assert.equal(size, bytes.length);
    assert.ok((await store.getBytes("big/blob")).equals(bytes));
  });

  it("leaves no object and reports the source's error when a stream fails after a part was sent", async () => {
    const store = await freshStore();
    // Past the first 5 MiB part: the multipart upload exists and must be aborted, not completed.
    const failing = Readable.from(
      (async function* breakLate() {
        for (let i = 0; i < 7; i++) yield Buffer.alloc(MIB, i);
        throw new Error("source broke late");
      })(),
    );
    await assert.rejects(store.put("big/broken", failing), /source broke late/);
    assert.equal(await store.exists("big/broken"), false);
    await assert.rejects(store.get("big/broken"), { name: "BlobNotFoundError" });
  });

  it("validates keys before any request, including for presigning", async () => {
    const store = await freshStore();
    await assert.rejects(
      store.createDownloadUrl("../escape", {
        expiresInSeconds: 60,
        fileName: "x",
        contentType: "text/plain",
      }),
      /Invalid blob key/,
    );
    await assert.rejects(store.exists("a//b"), /Invalid blob key/);
  });

  it("refuses half-configured static credentials", () => {
    assert.throws(
      () =>
        new S3BlobStore({
          bucket: "b",
          region: "us-east-1",
          accessKeyId: "x",
          forcePathStyle: false,
          prefix: "",
        }),
      /both accessKeyId and secretAccessKey/,
    );
  });
});

describe("attachmentDisposition", () => {
  it("keeps plain ASCII names as they are", () => {
    assert.equal(
      attachmentDisposition("report.pdf"),
      `attachment; filename="report.pdf"; filename*=UTF-8''report.pdf`,
    );
  });

  it("encodes characters that RFC 5987 reserves", () => {
    assert.equal(
      attachmentDisposition("a'b(c)*.txt"),
      `attachment; filename="a'b(c)*.txt"; filename*=UTF-8''a%27b%28c%29%2A.txt`,
    );
  });
});
