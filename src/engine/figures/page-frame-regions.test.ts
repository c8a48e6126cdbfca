import assert from "node:assert/strict";
import { it } from "node:test";
import sharp from "sharp";
import type { Box } from "../document/box.ts";
import { emptyPage } from "../document/page.ts";
import { pageFrameRegions } from "./page-frame-regions.ts";

/** A source's region renderer: records what it was asked for and draws a region-sized PNG at 1 px a point. */
function recordingSource() {
  const asked: Box[] = [];
  const render = async (_page: number, regions: readonly Box[]) => {
    asked.push(...regions);
    return Promise.all(
      regions.map(
        async (box) =>
          new Uint8Array(
            await sharp({
              create: {
                width: Math.round(box.right - box.left),
                height: Math.round(box.bottom - box.top),
                channels: 3,
                background: "#fff",
              },
            })
              .png()
              .toBuffer(),
          ),
      ),
    );
  };
  return { asked, render };
}

it("renders a region of an upright page as it is", async () => {
  const { asked, render } = recordingSource();
  const box = { left: 10, top: 20, right: 110, bottom: 70 };
  await pageFrameRegions(emptyPage(1, 600, 800), render)(1, [box], 150);
  assert.deepEqual(asked, [box]);
});

it("renders a turned page's region where it lies on the page as given, and turns the image alike", async () => {
  const { asked, render } = recordingSource();
  // The upload was 600 × 800 (portrait) turned a quarter left; OCR turned it 90° clockwise: 800 × 600.
  const page = { ...emptyPage(1, 800, 600), turnedDegrees: 90 as const };
  const [png] = await pageFrameRegions(page, render)(
    1,
    [{ left: 700, top: 20, right: 780, bottom: 120 }],
    150,
  );
  // (x, y) of the turned page was (y, 800 − x) before the turn.
  assert.deepEqual(asked, [{ left: 20, top: 20, right: 120, bottom: 100 }]);
  const { width, height } = await sharp(Buffer.from(png!)).metadata();
  assert.deepEqual([width, height], [80, 100]);
});

it("renders the upright box around where a straightened page's region lies on the page as given", async () => {
  const { asked, render } = recordingSource();
  const page = { ...emptyPage(1, 400, 200), straightenedDegrees: -2 };
  await pageFrameRegions(page, render)(1, [{ left: 100, top: 50, right: 300, bottom: 70 }], 150);
  const [region] = asked;
  // 200 × 20 turned 2°: about 200.5 wide and 27 tall, its right end lower.
  assert.ok(Math.abs(region!.right - region!.left - (200 * Math.cos(0.0349) + 20 * Math.sin(0.0349))) < 0.01);
  assert.ok(Math.abs(region!.bottom - region!.top - (200 * Math.sin(0.0349) + 20 * Math.cos(0.0349))) < 0.01);
});
