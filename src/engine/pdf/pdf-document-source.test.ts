import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { Page } from "../document/page.ts";
import type { Word } from "../document/word.ts";
import { corpusFile, manyPagesPdf, textPdf } from "../test-support/pdf-fixtures.ts";
import { openPdf } from "./open-pdf.ts";
import { PdfDocumentSource } from "./pdf-document-source.ts";

async function readAll(
  bytes: Uint8Array,
  vectorGraphics = true,
): Promise<{ pages: Page[]; source: PdfDocumentSource }> {
  const opened = await openPdf(bytes, { maxPages: 1000, vectorGraphics });
  assert.ok(opened.ok, opened.ok ? "" : opened.message);
  const source = opened.source;
  assert.ok(source instanceof PdfDocumentSource);
  const pages: Page[] = [];
  try {
    for (let number = 1; number <= source.pageCount; number++) pages.push(await source.readPage(number));
  } finally {
    await source.close();
  }
  return { pages, source };
}

/** The topmost word with this text. */
function word(page: Page, text: string): Word {
  const found = page.words
    .filter((candidate) => candidate.text === text)
    .sort((a, b) => a.box.top - b.box.top)[0];
  assert.ok(found, `no word "${text}" on page ${page.number}`);
  return found;
}

function assertInside(page: Page): void {
  for (const { text, box } of page.words) {
    assert.ok(box.left >= 0 && box.top >= 0, `${text} starts off the page`);
    assert.ok(box.right <= page.width! && box.bottom <= page.height!, `${text} ends off the page`);
    assert.ok(box.left <= box.right && box.top <= box.bottom, `${text} has an inverted box`);
  }
}

describe("PdfDocumentSource", () => {
  it("reads the words of a corpus invoice with boxes in page points from the top-left", async () => {
    const { pages } = await readAll(corpusFile("invoice2data-invoices/compare/AmazonWebServices.pdf"));
    const [page] = pages;
    assert.ok(page !== undefined);
    assert.deepEqual([page.width, page.height], [612, 792]);
    assertInside(page);
    // The title "Amazon Web Services Invoice" sits near the top, set larger than the body.
    const title = word(page, "Amazon");
    assert.ok(title.box.top > 50 && title.box.top < 90, `title top ${title.box.top}`);
    assert.ok(title.box.left > 250 && title.box.left < 300, `title left ${title.box.left}`);
    assert.ok(title.fontSize > 10);
    const footer = word(page, "Dollars");
    assert.ok(footer.box.top > 700, `footer top ${footer.box.top}`);
    assert.ok(word(page, "$4.11").box.left > 500, "amounts are right-aligned");
  });

  it("reads the multi-page docling samples with their page counts", async () => {
    const { pages } = await readAll(corpusFile("docling-groundtruth/pdf/sources/normal_4pages.pdf"));
    assert.equal(pages.length, 4);
    assert.deepEqual(
      pages.map((page) => page.number),
      [1, 2, 3, 4],
    );
    for (const page of pages) assertInside(page);
    assert.ok(pages.every((page) => page.words.length > 50));
  });

  it("applies /Rotate: sizes swap and text runs down the displayed page", async () => {
    const bytes = await textPdf([
      { rotate: 90, lines: [{ text: "Rotated heading", x: 72, y: 720, size: 20 }] },
    ]);
    const { pages } = await readAll(bytes);
    const page = pages[0]!;
    assert.deepEqual([page.width, page.height], [792, 612]);
    const rotated = word(page, "Rotated");
    assert.equal(rotated.angle, 90);
    // User-space (72, 720) displays at x = 720 (the old top edge is now on the right), y = 72 downwards.
    assert.ok(Math.abs(rotated.baseline.x - 720) < 0.01 && Math.abs(rotated.baseline.y - 72) < 0.01);
    assert.ok(rotated.box.top >= 72 && rotated.box.bottom > rotated.box.top + 40);
    assertInside(page);
  });

  it("measures from the media box corner, not the user-space origin", async () => {
    const bytes = await textPdf([
      { origin: { x: 100, y: 200 }, lines: [{ text: "Offset", x: 172, y: 920, size: 10 }] },
    ]);
    const { pages } = await readAll(bytes);
    const offset = word(pages[0]!, "Offset");
    // 72 pt from the left edge; baseline 792 − (920 − 200) = 72 pt from the top.
    assert.ok(Math.abs(offset.box.left - 72) < 0.01, `left ${offset.box.left}`);
    assert.ok(Math.abs(offset.baseline.y - 72) < 0.01, `baseline ${offset.baseline.y}`);
    assert.ok(offset.box.top > 60 && offset.box.top < 72);
  });

  it("tells bold and italic words from the fonts' PostScript names", async () => {
    // A LaTeX page: SFBX (bold) for section numbers, SFTI (italic) for emphasis, SFRM for the body.
    const { pages } = await readAll(corpusFile("docling-groundtruth/pdf/sources/2305.03393v1-pg9.pdf"));
    const page = pages[0]!;
    assert.deepEqual([word(page, "5.1").bold, word(page, "5.1").italic], [true, false]);
    assert.deepEqual([word(page, "order").bold, word(page, "order").italic], [false, false]);
    assert.ok(page.words.some((found) => found.italic === true));
  });

  it("releases every pdf.js page after reading it, so a long document never holds them all", async () => {
    const { pages, source } = await readAll(await manyPagesPdf(120));
    assert.equal(pages.length, 120);
    assert.equal(word(pages[119]!, "120").text, "120");
    assert.deepEqual(source.stats, { pagesRead: 120, pagesReleased: 120, peakOpenPages: 1 });
  });

  it("skips the operator list without vector graphics (parse_light): same words, no rulings or figures", async () => {
    // ICDAR us-018: ruled tables and an image-free text layer.
    const file = "icdar2013-tables/competition-dataset-us/us-018.pdf";
    const full = (await readAll(corpusFile(file))).pages[0]!;
    const light = (await readAll(corpusFile(file), false)).pages[0]!;
    assert.ok((full.rulings ?? []).length > 0, "the full read finds the table rules");
    assert.ok(full.graphics !== undefined);
    assert.deepEqual(light.rulings, []);
    assert.equal(light.graphics, undefined);
    // Without the operator list words inside a run keep their character-count edges (no glyph positions).
    const rows = (page: Page) => page.words.map((found) => [found.text, found.box.top, found.box.bottom]);
    assert.deepEqual(rows(light), rows(full));
    assert.ok(light.words.some((found, index) => found.box.left !== full.words[index]!.box.left));
  });

  it("renders figure regions of the page just read from that open page, then releases it", async () => {
    const opened = await openPdf(corpusFile("docling-groundtruth/pdf/sources/picture_classification.pdf"), {
      maxPages: 10,
    });
    assert.ok(opened.ok && opened.source instanceof PdfDocumentSource);
    const source = opened.source;
    try {
      const page = await source.readPage(1);
      assert.deepEqual(source.stats, { pagesRead: 1, pagesReleased: 0, peakOpenPages: 1 });
      const images = await source.renderRegions(
        1,
        [{ left: 0, top: 0, right: page.width!, bottom: 100 }],
        72,
      );
      assert.deepEqual([...images[0]!.subarray(0, 4)], [0x89, 0x50, 0x4e, 0x47]);
      assert.deepEqual(source.stats, { pagesRead: 1, pagesReleased: 1, peakOpenPages: 1 });
      // A page not held is opened for the render and released again.
      await source.renderRegions(1, [{ left: 0, top: 0, right: 50, bottom: 50 }], 72);
      await source.readPage(1);
      assert.equal(source.stats.peakOpenPages, 1);
    } finally {
      await source.close();
    }
    assert.equal(source.stats.pagesReleased, 2);
  });
});
