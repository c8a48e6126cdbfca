/**
 * Opening an XLSX package: the one place its ZIP is read and handed to exceljs, so archive guards (zip
 * bombs, encrypted packages) can wrap it. Besides the exceljs workbook it returns the small parts that
 * exceljs does not model for reading (workbook and sheet relationships, drawings, charts, comments, the
 * styles part); xlsx-drawings.ts and xlsx-comments.ts read them.
 *
 * exceljs fails on some drawings it cannot reconcile (absolute relationship targets, for one); the cells
 * are still readable, so on failure the package is rebuilt without its drawings and loaded again.
 */
import ExcelJS from "exceljs";
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import { MAX_SPREADSHEET_XML_BYTES, SpreadsheetTooLargeError } from "./spreadsheet-options.ts";

export interface XlsxPackage {
  readonly workbook: ExcelJS.Workbook;
  /** Parts exceljs does not model (drawings, charts, comments, styles) by path without a leading slash. */
  readonly parts: ReadonlyMap<string, Uint8Array>;
}

/** Parts read beside exceljs (xlsx-drawings.ts, xlsx-comments.ts, number formats); each is small XML. */
const SIDE_PARTS =
  /^xl\/(workbook\.xml|styles\.xml|_rels\/workbook\.xml\.rels|(worksheets|chartsheets)\/_rels\/[^/]+\.rels|chartsheets\/[^/]+\.xml|drawings\/(_rels\/)?drawing[^/]*\.xml(\.rels)?|charts\/(_rels\/)?chart[^/]*\.xml(\.rels)?|comments[^/]*\.xml|threadedComments\/[^/]+\.xml|persons\/[^/]+\.xml)$/i;

/** A side part bigger than this is left unread (its chart, picture or comments are then left out). */
const MAX_SIDE_PART_BYTES = 8 * 1024 * 1024;

/**
 * Opens the workbook. Throws SpreadsheetTooLargeError when the declared sheet XML is too big, any other
 * error when the package is not a readable workbook.
 */
export async function loadWorkbook(
  bytes: Uint8Array,
  maxXmlBytes = MAX_SPREADSHEET_XML_BYTES,
): Promise<XlsxPackage> {
  let declared = 0;
  const parts = new Map<string, Uint8Array>();
  const entries = unzipSync(bytes, {
    filter(file) {
      const name = file.name.replace(/^\//, "");
      if (/^xl\/(worksheets\/[^/]+\.xml|sharedStrings\.xml)$/i.test(name)) declared += file.originalSize;
      return SIDE_PARTS.test(name) && file.originalSize <= MAX_SIDE_PART_BYTES;
    },
  });
  if (declared > maxXmlBytes)
    throw new SpreadsheetTooLargeError(
      `The workbook's sheets hold ${(declared / 2 ** 20).toFixed(1)} MB of XML; the limit is ${(maxXmlBytes / 2 ** 20).toFixed(1)} MB`,
    );
  for (const [name, data] of Object.entries(entries)) parts.set(name.replace(/^\//, ""), data);
  // exceljs would read a package without a workbook part as an empty workbook; it is not one.
  if (!parts.has("xl/workbook.xml")) throw new Error("The package has no workbook part (xl/workbook.xml)");
  try {
    return { workbook: await exceljsLoad(bytes), parts };
  } catch (error) {
    if (![...parts.keys()].some((name) => /^xl\/drawings\/drawing/i.test(name))) throw error;
    return { workbook: await exceljsLoad(withoutDrawings(bytes)), parts };
  }
}

async function exceljsLoad(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  // exceljs types its input as its own Buffer alias; a Node Buffer over the same memory is what it reads.
  await workbook.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as never);
  return workbook;
}

/** The package without drawing parts, drawing relationships and the sheets' <drawing> references. */
function withoutDrawings(bytes: Uint8Array): Uint8Array {
  const entries = unzipSync(bytes);
  const kept: Record<string, Uint8Array> = {};
  for (const [name, data] of Object.entries(entries)) {
    const path = name.replace(/^\//, "");
    if (/^xl\/(drawings\/(_rels\/)?drawing[^/]*|charts\/)/i.test(path)) continue;
    if (/^xl\/worksheets\/_rels\/[^/]+\.rels$/i.test(path)) {
      kept[name] = strToU8(
        strFromU8(data).replace(/<Relationship\b[^>]*\/relationships\/drawing"[^>]*\/>/g, ""),
      );
    } else if (/^xl\/worksheets\/[^/]+\.xml$/i.test(path)) {
      kept[name] = strToU8(strFromU8(data).replace(/<(\w+:)?drawing\b[^>]*\/>/g, ""));
    } else kept[name] = data;
  }
  return zipSync(kept);
}
