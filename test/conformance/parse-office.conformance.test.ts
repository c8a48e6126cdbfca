/**
 * Spreadsheets and legacy Office files through the official SDK against a real server: an uploaded
 * workbook gives one chunk per sheet (page chunking) whose blocks carry metadata.sheet, with
 * excelSkipHiddenContent and excelUseRawCellValues honoured and cell comments kept; a legacy .xls upload
 * (kept as uploaded, Extend converts only Word and PowerPoint) is read sheet by sheet the same way.
 */
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { after, before, it } from "node:test";
import ExcelJS from "exceljs";
import { type Extend, ExtendClient } from "extend-ai";
import { findSoffice } from "../../src/engine/convert/soffice.ts";
import { startTestServer, type TestServer } from "../support/start-test-server.ts";
import { forEachDatabaseKind } from "../support/test-databases.ts";

const XLS = path.resolve("../shared/corpus/docling-groundtruth/office/xls/sources/legacy_sample.xls");
const sofficeInstalled = (await findSoffice(undefined)) !== undefined;

async function workbook(): Promise<Uint8Array> {
  const book = new ExcelJS.Workbook();
  const prices = book.addWorksheet("Prices");
  prices.addRows([
    ["Item", "Price", "Since"],
    ["Tea", 3.5, new Date(Date.UTC(2024, 0, 31))],
    ["Secret", 99, new Date(Date.UTC(2024, 1, 1))],
    ["Cake", 1234.5, new Date(Date.UTC(2024, 2, 1))],
  ]);
  prices.getColumn(2).numFmt = "#,##0.00";
  prices.getColumn(3).numFmt = "dd/mm/yyyy";
  prices.getRow(3).hidden = true;
  prices.getCell("A2").note = "Green or black";
  book.addWorksheet("Notes").getCell("B2").value = "Closed on Mondays";
  return new Uint8Array(await book.xlsx.writeBuffer());
}

forEachDatabaseKind("spreadsheets and legacy Office via the official SDK", (kind) => {
  let server: TestServer;
  let client: ExtendClient;
  before(async () => {
    server = await startTestServer(kind);
    client = new ExtendClient({ token: server.apiKey, baseUrl: server.baseUrl, maxRetries: 0 });
  });
  after(() => server?.stop());

  async function parse(
    bytes: Uint8Array,
    name: string,
    advancedOptions: Extend.ParseConfigAdvancedOptions = {},
  ) {
    const file = await client.files.upload(new File([bytes], name), {});
    const run = await client.parseRuns.createAndPoll(
      { file: { id: file.id }, config: { chunkingStrategy: { type: "page" }, advancedOptions } },
      { initialDelayMs: 100 },
    );
    assert.equal(run.status, "PROCESSED", run.failureMessage ?? "");
    return run.output!.chunks;
  }

  it("gives one chunk per sheet, formatted values and comments, hidden rows by default", async () => {
    const chunks = await parse(await workbook(), "prices.xlsx");
    assert.equal(chunks.length, 2);
    chunks.forEach((chunk, index) => {
      for (const block of chunk.blocks) assert.equal(block.metadata.sheet?.index, index);
    });
    assert.equal(chunks[1]!.blocks[0]!.metadata.sheet?.name, "Notes");
    const table = chunks[0]!.blocks.find((block) => block.type === "table")!;
    assert.match(table.content, /\| Cake \| 1,234\.50 \| 01\/03\/2024 \|/);
    assert.match(table.content, /Secret/);
    assert.match(chunks[0]!.content, /\[author: [^\]]*\]: Green or black/);
  });

  it("skips hidden rows and gives raw values when asked", async () => {
    const chunks = await parse(await workbook(), "prices.xlsx", {
      excelSkipHiddenContent: true,
      excelUseRawCellValues: true,
    });
    const table = chunks[0]!.blocks.find((block) => block.type === "table")!;
    assert.doesNotMatch(table.content, /Secret/);
    assert.match(table.content, /\| Cake \| 1234\.5 \| 2024-03-01 \|/);
  });

  it("reads an uploaded legacy .xls sheet by sheet", {
    skip: !sofficeInstalled && "LibreOffice is not installed",
  }, async () => {
    const chunks = await parse(new Uint8Array(await readFile(XLS)), "legacy_sample.xls");
    const table = chunks[0]!.blocks.find((block) => block.type === "table")!;
    assert.deepEqual(table.metadata.sheet, { index: 0, name: "Duck Observations" });
    assert.match(table.content, /\| 2019 \| 120 \|/);
  });
});
