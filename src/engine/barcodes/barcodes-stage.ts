/**
 * The `barcodes` page stage (after figures, whose blocks it may replace; before figure images, so
 * a figure that turns out to be a barcode is not rendered for nothing): barcodes and QR codes become
 * `barcode` blocks (page-barcodes.ts). blockOptions.barcodes.readingEnabled (default on) keeps the decoded
 * value; imageClippingEnabled (default off) renders each code to PNG. parse_light skips the stage: it is
 * the costly optional work that engine gives up (engine-profile.ts). A failure costs the barcodes (a
 * warning), not the page.
 */
import { boxIntoStraightened } from "../document/straighten.ts";
import { isLightEngine } from "../pipeline/engine-profile.ts";
import type { PageStage } from "../pipeline/stage.ts";
import { barcodePage } from "./page-barcodes.ts";
import { sourceRenderer, takePageScan } from "./page-scan-ahead.ts";
import { turnedRenderer } from "./turned-renderer.ts";

export const barcodesStage: PageStage = {
  id: "barcodes",
  scope: "page",
  async run(context, page) {
    // The whole-page scan OCR started while reading the page (page-scan-ahead.ts), if it did.
    const scanned = takePageScan(page);
    if (isLightEngine(context.options)) return;
    const own = context.source === undefined ? undefined : sourceRenderer(context.source);
    if (own === undefined) return;
    const options = context.options.config?.blockOptions?.barcodes;
    try {
      // A page OCR turned to read is in the turned frame; its source renders the frame it was given in.
      const turn = page.turnedDegrees ?? 0;
      const upright = turn === 0 || page.width === null || page.height === null;
      const render = upright ? own : turnedRenderer(own, turn, page.width!, page.height!);
      // The scan made while OCR read the page counts if made in the frame the page ended in.
      const taken = scanned?.turn === turn ? scanned : undefined;
      const blockOptions = {
        reading: options?.readingEnabled !== false,
        clipping: options?.imageClippingEnabled === true,
      };
      const found = await barcodePage(page, render, blockOptions, taken);
      // Codes are read off the page as given; the words and blocks of a page OCR straightened are in
      // the straightened frame, and so must the codes be (render/ maps every box back alike).
      const degrees = page.straightenedDegrees;
      if (found > 0 && degrees !== undefined && page.width !== null && page.height !== null) {
        const size = { width: page.width, height: page.height };
        page.blocks = page.blocks.map((block) =>
          block.type === "barcode" && block.box !== null
            ? { ...block, box: boxIntoStraightened(block.box, degrees, size) }
            : block,
        );
      }
    } catch (error) {
      context.issues.push({
        stage: "barcodes",
        page: page.number,
        severity: "warning",
        code: "BARCODES_FAILED",
        message: `Barcodes of page ${page.number} could not be read: ${error instanceof Error ? error.message : String(error)}`,
      });
    }
  },
};
