import assert from "node:assert/strict";
import path from "node:path";
import { describe, it } from "node:test";
import { ConfigError, loadConfig } from "./config.ts";

describe("loadConfig", () => {
  it("gives the documented defaults for an empty environment", () => {
    const config = loadConfig({});
    assert.equal(config.http.port, 8080);
    assert.equal(config.http.host, "127.0.0.1");
    assert.equal(config.dataDir, path.resolve("./data"));
    assert.deepEqual(config.database, { kind: "pglite", dataDir: path.resolve("./data/db") });
    assert.deepEqual(config.blobs, { kind: "local", root: path.resolve("./data/blobs") });
    assert.equal(config.apiKey, undefined);
    assert.equal(config.role, "all");
    assert.ok(Object.isFrozen(config) && Object.isFrozen(config.http));
  });

  it("selects PostgreSQL and S3 when configured", () => {
    const config = loadConfig({
      DATABASE_URL: "postgres://db/quire",
      BLOB_STORE: "s3",
      S3_BUCKET: "docs",
      S3_FORCE_PATH_STYLE: "true",
      FILE_URL_ALLOWED_HOSTS: "MinIO.internal, files.local",
    });
    assert.equal(config.database.kind, "postgres");
    assert.equal(config.blobs.kind === "s3" && config.blobs.forcePathStyle, true);
    assert.deepEqual(config.fileUrls.allowedHosts, ["minio.internal", "files.local"]);
  });

  it("lists every problem at once", () => {
    assert.throws(
      () => loadConfig({ PORT: "eighty", BLOB_STORE: "ftp", RATE_LIMIT_PER_SECOND: "-1" }),
      (error: unknown) => {
        assert.ok(error instanceof ConfigError);
        assert.equal(error.problems.length, 3);
        assert.match(error.message, /PORT/);
        assert.match(error.message, /BLOB_STORE/);
        assert.match(error.message, /RATE_LIMIT_PER_SECOND/);
        return true;
      },
    );
  });

  it("refuses combinations that cannot work", () => {
    assert.throws(() => loadConfig({ BLOB_STORE: "s3" }), /S3_BUCKET/);
    assert.throws(() => loadConfig({ QUIRE_ROLE: "worker" }), /DATABASE_URL/);
    assert.throws(() => loadConfig({ QUIRE_PUBLIC_URL: "quire.example.com" }), /QUIRE_PUBLIC_URL/);
  });

  it("treats an empty QUIRE_API_KEY as unset", () => {
    assert.equal(loadConfig({ QUIRE_API_KEY: "" }).apiKey, undefined);
  });
});
