import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { zipSync } from "fflate";
import { lyingZipBomb, minimalDocx, zipBomb } from "../test-support/container-fixtures.ts";
import { openDocumentSource } from "./open-document-source.ts";
import { DEFAULT_ZIP_LIMITS, inspectZip } from "./zip-guard.ts";

describe("zip guard", () => {
  it("passes an ordinary package and lists its entries with their sizes", () => {
    const inspected = inspectZip(minimalDocx(["Hello"]));
    assert.ok(inspected.ok);
    assert.deepEqual(
      inspected.entries.map((entry) => entry.name),
      ["[Content_Types].xml", "_rels/.rels", "word/document.xml"],
    );
    assert.ok(inspected.entries.every((entry) => entry.uncompressedSize > 0));
  });

  it("refuses a zip bomb from its directory alone: FILE_SIZE_TOO_LARGE, nothing inflated", async () => {
    const bomb = zipBomb(512 * 1024 * 1024);
    assert.ok(bomb.byteLength < 1024 * 1024, `the bomb itself is small (${bomb.byteLength} bytes)`);
    const arrayBuffersBefore = process.memoryUsage().arrayBuffers;
    const opened = await openDocumentSource(bomb, { format: "docx", maxPages: 10 });
    assert.ok(!opened.ok);
    assert.equal(opened.reason, "FILE_SIZE_TOO_LARGE");
    assert.match(opened.message, /word\/document\.xml.*ratio \d+:1.*zip bomb/);
    // 512 MiB were never inflated: memory held in buffers barely moved.
    const grown = process.memoryUsage().arrayBuffers - arrayBuffersBefore;
    assert.ok(grown < 32 * 1024 * 1024, `array buffers grew by ${grown} bytes`);
  });

  it("refuses a zip bomb whose directory lies about its size, inflating under the declared cap", async () => {
    for (const [format, entry] of [
      ["docx", "word/document.xml"],
      ["xlsx", "xl/worksheets/sheet1.xml"],
    ] as const) {
      const bomb = lyingZipBomb(512 * 1024 * 1024, entry);
      const inspected = inspectZip(bomb);
      assert.ok(inspected.ok === false);
      assert.equal(inspected.reason, "FILE_SIZE_TOO_LARGE");
      const before = process.memoryUsage().arrayBuffers;
      const started = performance.now();
      const opened = await openDocumentSource(bomb, { format, maxPages: 10 });
      assert.ok(!opened.ok);
      assert.equal(opened.reason, "FILE_SIZE_TOO_LARGE");
      assert.match(opened.message, /inflates to more than the 1\.0 KiB its directory declares/);
      const grown = process.memoryUsage().arrayBuffers - before;
      assert.ok(grown < 32 * 1024 * 1024, `array buffers grew by ${grown} bytes`);
      assert.ok(performance.now() - started < 2000);
    }
  });

  it("limits the total declared size and the entry count", () => {
    const files: Record<string, Uint8Array> = {};
    for (let index = 0; index < 30; index++)
      files[`part${index}.xml`] = new Uint8Array(2000).fill(65 + (index % 26));
    const archive = zipSync(files, { level: 0 });
    const total = inspectZip(archive, { ...DEFAULT_ZIP_LIMITS, maxTotalUncompressedBytes: 50_000 });
    assert.ok(!total.ok);
    assert.equal(total.reason, "FILE_SIZE_TOO_LARGE");
    assert.match(total.message, /more than 48\.8 KiB of uncompressed content/);
    const count = inspectZip(archive, { ...DEFAULT_ZIP_LIMITS, maxEntries: 20 });
    assert.ok(!count.ok);
    assert.equal(count.reason, "FILE_SIZE_TOO_LARGE");
    assert.match(count.message, /30 entries \(limit 20\)/);
    assert.ok(inspectZip(archive).ok);
  });

  it("reports an unreadable directory as CORRUPT_FILE", async () => {
    const docx = minimalDocx(["Hello"]);
    const truncated = docx.slice(0, docx.byteLength - 30);
    const inspected = inspectZip(truncated);
    assert.ok(!inspected.ok);
    assert.equal(inspected.reason, "CORRUPT_FILE");
    const lying = docx.slice();
    // Point the end-of-directory record's directory offset past the end of the file.
    new DataView(lying.buffer).setUint32(lying.byteLength - 6, lying.byteLength, true);
    const opened = await openDocumentSource(lying, { format: "xlsx", maxPages: 10 });
    assert.ok(!opened.ok);
    assert.equal(opened.reason, "CORRUPT_FILE");
    assert.match(opened.message, /directory points past the end/);
    // A bare archive is unsupported whatever its state; only a bomb is reported as such.
    const bare = await openDocumentSource(lying.slice(), { format: "zip", maxPages: 10 });
    assert.ok(!bare.ok);
    assert.equal(bare.reason, "FILE_TYPE_NOT_SUPPORTED");
    const bomb = await openDocumentSource(zipBomb(32 * 1024 * 1024, "data.bin"), {
      format: "zip",
      maxPages: 10,
    });
    assert.ok(!bomb.ok);
    assert.equal(bomb.reason, "FILE_SIZE_TOO_LARGE");
  });
});
