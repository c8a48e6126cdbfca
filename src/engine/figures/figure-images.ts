/**
 * Figure images (blockOptions.figures.figureImageClippingEnabled): each figure block's region of the page
 * is rendered to PNG and kept on the block, for render to pair with the block's id.
 */
import type { Box } from "../document/box.ts";
import type { Page } from "../document/page.ts";

/** Resolution of figure images: sharp enough to read a chart, small enough to store by the thousand. */
export const FIGURE_IMAGE_DPI = 150;

export type RenderRegions = (
  pageNumber: number,
  regions: readonly Box[],
  dpi: number,
) => Promise<Uint8Array[]>;

/** Sets `figure.png` on the page's figure blocks (one page render pass for all of them). */
export async function clipFigureImages(page: Page, render: RenderRegions): Promise<void> {
  const figures = page.blocks.filter((block) => block.figure !== undefined && block.box !== null);
  if (figures.length === 0) return;
  const images = await render(
    page.number,
    figures.map((block) => block.box!),
    FIGURE_IMAGE_DPI,
  );
  page.blocks = page.blocks.map((block) => {
    const png = images[figures.indexOf(block)];
    return png === undefined || block.figure === undefined
      ? block
      : { ...block, figure: { ...block.figure, png } };
  });
}
