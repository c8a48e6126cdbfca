/**
 * TesseractCliOcrEngine: the OcrEngine contract when the tesseract command is installed (CI installs it),
 * plus availability probing, failures of the command, and OSD report parsing.
 */
import assert from "node:assert/strict";
import { mkdtemp, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, it } from "node:test";
import { runOcrEngineContract } from "./ocr-engine.case.test.ts";
import { parseOsd, TesseractCliOcrEngine } from "./tesseract-cli-ocr-engine.ts";

const installed = await new TesseractCliOcrEngine().isAvailable();

if (installed) runOcrEngineContract("TesseractCliOcrEngine", async () => new TesseractCliOcrEngine());
else it("OcrEngine contract: TesseractCliOcrEngine", (context) => context.skip("tesseract is not installed"));

describe("TesseractCliOcrEngine", () => {
  it("is unavailable when the command does not exist, and then rejects calls", async () => {
    const engine = new TesseractCliOcrEngine({ command: "/nonexistent/tesseract" });
    assert.equal(await engine.isAvailable(), false);
    const tiny = { width: 10, height: 10, gray: new Uint8Array(100).fill(255) };
    await assert.rejects(engine.recognize(tiny, { language: "eng", dpi: 150 }), /ENOENT/u);
    await engine.close();
  });

  it("rejects when the command fails, with its message", async () => {
    // `false` exits 1 whatever its arguments: a stand-in for a crashing tesseract.
    const engine = new TesseractCliOcrEngine({ command: "false" });
    const tiny = { width: 10, height: 10, gray: new Uint8Array(100).fill(255) };
    await assert.rejects(engine.recognize(tiny, { language: "eng", dpi: 150 }), /exited with 1/u);
    await engine.close();
  });

  it("hands tesseract the image as a file that is gone once read", { skip: !installed }, async () => {
    const folder = await mkdtemp(path.join(tmpdir(), "quire-tesseract-test-"));
    try {
      const engine = new TesseractCliOcrEngine({ temporaryDirectory: folder });
      const blank = { width: 40, height: 20, gray: new Uint8Array(800).fill(255) };
      let reading = false;
      const read = engine.recognize(blank, { language: "eng", dpi: 150, onReading: () => (reading = true) });
      // A grey raster is on its way to tesseract as soon as the call is made.
      assert.equal(reading, true);
      // The page's PGM (the launcher's output files for the process may be there too, in the same folder).
      assert.equal((await readdir(folder)).filter((name) => name.endsWith(".pgm")).length, 1);
      assert.equal((await read).imageWidth, 40);
      assert.deepEqual(await readdir(folder), []);
      await engine.close();
    } finally {
      await rm(folder, { recursive: true, force: true });
    }
  });

  it("parses tesseract's OSD report", () => {
    const report = [
      "Page number: 0",
      "Orientation in degrees: 90",
      "Rotate: 270",
      "Orientation confidence: 2.75",
      "Script: Latin",
      "Script confidence: 26.67",
    ].join("\n");
    assert.deepEqual(parseOsd(report), { rotationDegrees: 270, confidence: 2.75 });
    assert.equal(parseOsd("Too few characters. Skipping this page"), undefined);
  });
});
