/**
 * The `barcodes` page stage (after figures, whose blocks it may replace; before figure images, so
 * a figure that turns out to be a barcode is not rendered for nothing): barcodes and QR codes become
 * `barcode` blocks (page-barcodes.ts). blockOptions.barcodes.readingEnabled (default on) keeps the decoded
 * value; imageClippingEnabled (default off) renders each code to PNG. parse_light skips the stage: it is
 * the costly optional work that engine gives up (engine-profile.ts). A failure costs the barcodes (a
 * warning), not the page.
 */
import type { Box } from "../document/box.ts";
import { boxIntoStraightened } from "../document/straighten.ts";
import { isLightEngine } from "../pipeline/engine-profile.ts";
import type { PageStage } from "../pipeline/stage.ts";
import { barcodePage } from "./page-barcodes.ts";
import { turnedRenderer } from "./turned-renderer.ts";

export const barcodesStage: PageStage = {
  id: "barcodes",
  scope: "page",
  async run(context, page) {
    if (isLightEngine(context.options)) return;
    const source = context.source;
    if (source?.renderPage === undefined || source.renderRegions === undefined) return;
    const options = context.options.config?.blockOptions?.barcodes;
    try {
      const own = {
        page: (number: number, dpi: number, region: Box) => source.renderPage!(number, dpi, region),
        regions: (number: number, regions: readonly Box[], dpi: number) =>
          source.renderRegions!(number, regions, dpi),
      };
      // A page OCR turned to read is in the turned frame; its source renders the frame it was given in.
      const turn = page.turnedDegrees ?? 0;
      const render =
        turn === 0 || page.width === null || page.height === null
          ? own
          : turnedRenderer(own, turn, page.width, page.height);
      const found = await barcodePage(page, render, {
        reading: options?.readingEnabled !== false,
        clipping: options?.imageClippingEnabled === true,
      });
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
