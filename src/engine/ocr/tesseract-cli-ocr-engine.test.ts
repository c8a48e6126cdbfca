/**
 * TesseractCliOcrEngine: the OcrEngine contract when the tesseract command is installed (CI installs it),
 * plus availability probing, failures of the command, and OSD report parsing.
 */
import assert from "node:assert/strict";
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
