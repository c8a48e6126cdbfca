/**
 * LibreOffice for conversion tests: the installed soffice (if any), converter settings, parse options
 * that use it, and the blocks of a successful outcome. Test support only.
 */
import assert from "node:assert/strict";
import type { Extend } from "extend-ai";
import type { PdfConverterSettings } from "../convert/convert-to-pdf.ts";
import { findSoffice } from "../convert/soffice.ts";
import type { ParseOptions, ParseOutcome } from "../pipeline/parse-outcome.ts";

export const sofficePath = await findSoffice(undefined);
export const converter: PdfConverterSettings = { sofficePath, timeoutMs: 60_000, concurrency: 2 };
export const NO_SOFFICE = "LibreOffice (soffice) is not installed; .ci/run installs it so these run in CI";

export function converterOptions(
  format: ParseOptions["format"],
  extra: Partial<ParseOptions> = {},
): ParseOptions {
  return { format, maxPages: 100, chunking: "page", pdfConverter: converter, ...extra };
}

/** Every block of a successful outcome; fails the test (with the failure message) otherwise. */
export function blocksOf(outcome: ParseOutcome): Extend.Block[] {
  assert.notEqual(outcome.status, "failure", outcome.status === "failure" ? outcome.failureMessage : "");
  if (outcome.status === "failure") return [];
  return outcome.output.chunks.flatMap((chunk) => chunk.blocks);
}
