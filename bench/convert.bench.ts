/**
 * `npm run bench -- convert`: LibreOffice headless conversion time per corpus Office document (legacy
 * .doc/.xls/.ppt and a few OOXML files), each in a fresh soffice process with its own profile as the
 * engine runs it, plus the image → PDF path (sharp + pdf-lib) at each imageConversionQuality. Background
 * CPU load is reported beside the figures: this machine is shared.
 */
import { readFile } from "node:fs/promises";
import path from "node:path";
import { PDFDocument } from "pdf-lib";
import sharp from "sharp";
import { imageToPdf } from "../src/engine/convert/image-to-pdf.ts";
import { findSoffice, sofficeToPdf } from "../src/engine/convert/soffice.ts";
import { machineSummary, provenance, upsertSection } from "./support/benchmarks-doc.ts";
import { waitForQuietMachine } from "./support/quiet-machine.ts";

export const summary = "LibreOffice → PDF seconds per corpus Office document; image → PDF per quality";

const OFFICE = path.resolve(import.meta.dirname, "../../shared/corpus/docling-groundtruth/office");
const DOCUMENTS = [
  { file: "doc/sources/legacy_sample.doc", extension: "doc", filter: "MS Word 97" },
  { file: "doc/sources/greek_heading_styles.doc", extension: "doc", filter: "MS Word 97" },
  { file: "xls/sources/legacy_sample.xls", extension: "xls", filter: "MS Excel 97" },
  { file: "ppt/sources/legacy_sample.ppt", extension: "ppt", filter: "MS PowerPoint 97" },
  { file: "docx/sources/word_sample.docx", extension: "docx", filter: "MS Word 2007 XML" },
  { file: "docx/sources/docx_rich_tables_01.docx", extension: "docx", filter: "MS Word 2007 XML" },
  {
    file: "pptx/sources/powerpoint_sample.pptx",
    extension: "pptx",
    filter: "Impress MS PowerPoint 2007 XML",
  },
  { file: "xlsx/sources/xlsx_01.xlsx", extension: "xlsx", filter: "Calc MS Excel 2007 XML" },
];

export async function run(args: readonly string[]): Promise<number> {
  const sofficePath = await findSoffice(undefined);
  const rows = [
    "| document | input KB | PDF pages | seconds | background CPU |",
    "| --- | --- | --- | --- | --- |",
  ];
  if (sofficePath === undefined) {
    process.stderr.write("LibreOffice (soffice) is not installed\n");
    return 1;
  }
  for (const document of DOCUMENTS) {
    const bytes = new Uint8Array(await readFile(path.join(OFFICE, document.file)));
    const busy = await waitForQuietMachine(20, (message) => process.stderr.write(`${message}\n`));
    const started = performance.now();
    const pdf = await sofficeToPdf(bytes, document, { sofficePath, timeoutMs: 300_000, concurrency: 1 });
    const seconds = (performance.now() - started) / 1000;
    const pages = (await PDFDocument.load(pdf, { ignoreEncryption: true })).getPageCount();
    rows.push(
      `| ${path.basename(document.file)} | ${Math.round(bytes.byteLength / 1024)} | ${pages} | ${seconds.toFixed(2)} | ${percent(busy)} |`,
    );
  }
  const photo = await sharp(
    path.resolve(import.meta.dirname, "../../shared/corpus/tesseract-ocr-gt/phototest.tif"),
  )
    .resize(2550, 3300, { fit: "fill" })
    .png()
    .toBuffer();
  for (const quality of ["high", "medium", "low"] as const) {
    const started = performance.now();
    const pdf = await imageToPdf(new Uint8Array(photo), quality);
    rows.push(
      `| 2550×3300 PNG → PDF (imageConversionQuality ${quality}) | ${Math.round(photo.byteLength / 1024)} | 1 | ${((performance.now() - started) / 1000).toFixed(2)} | PDF ${Math.round(pdf.byteLength / 1024)} KB |`,
    );
  }
  process.stdout.write(`${rows.join("\n")}\n`);
  if (args.includes("--write")) {
    const origin = provenance();
    const commit = origin.commit.split(" ")[0] ?? "unknown";
    const body = `${machineSummary()}; ${commit}. Each conversion is a fresh soffice process with its own profile (as the engine runs it), one at a time; "background CPU" is other processes' share of the machine just before.\n\n${rows.join("\n")}`;
    await upsertSection("convert", commit, `convert — ${origin.date} — ${commit}`, body, origin.date);
  }
  return 0;
}

function percent(share: number | undefined): string {
  return share === undefined ? "n/a" : `${Math.round(share * 100)}%`;
}
