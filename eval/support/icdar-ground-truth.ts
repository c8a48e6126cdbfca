/**
 * ICDAR 2013 table competition ground truth: `<id>-reg.xml` (table regions) and `<id>-str.xml` (cell
 * structure), read with a few regular expressions — the files are machine-written, well-formed and use
 * a handful of elements, so a full XML parser would add a dependency for nothing. Coordinates stay in
 * PDF user space (origin bottom-left, y up); pages are 1-based as in the files.
 */
import { existsSync } from "node:fs";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import type { TableCell } from "../metrics/table-grid.ts";
import { decodeEntities } from "../metrics/text-normalize.ts";

export interface IcdarRegion {
  readonly table: number;
  readonly page: number;
  /** PDF user space: x1,y1 lower-left, x2,y2 upper-right. */
  readonly bbox: { x1: number; y1: number; x2: number; y2: number };
}

/** One region of one table: a table spanning pages has a region (and a grid) per page. */
export interface IcdarStructureRegion {
  readonly table: number;
  readonly page: number;
  readonly cells: readonly TableCell[];
}

export interface IcdarInterpretation {
  readonly id: string;
  readonly regions: readonly IcdarRegion[];
  readonly structure: readonly IcdarStructureRegion[];
}

export interface IcdarDocument {
  readonly name: string;
  readonly pdf: string;
  /** Acceptable ground truths (us-011a and us-011b for us-011a.pdf); the best-scoring one counts. */
  readonly interpretations: readonly IcdarInterpretation[];
}

export async function icdarDocuments(corpus: string): Promise<IcdarDocument[]> {
  const root = path.join(corpus, "icdar2013-tables");
  const documents: IcdarDocument[] = [];
  for (const folder of ["competition-dataset-eu", "competition-dataset-us"]) {
    const directory = path.join(root, folder);
    const files = await readdir(directory);
    for (const pdf of files.filter((file) => file.endsWith(".pdf")).sort()) {
      const id = pdf.slice(0, -".pdf".length);
      // Variants share the id without its letter suffix: us-011a.pdf is judged by us-011a and us-011b.
      const stem = id.replace(/[a-z]$/u, "");
      const ids = files
        .filter((file) => file.endsWith("-reg.xml"))
        .map((file) => file.slice(0, -"-reg.xml".length))
        .filter((other) => other === stem || new RegExp(`^${stem}[a-z]$`, "u").test(other))
        .sort();
      const interpretations: IcdarInterpretation[] = [];
      for (const variant of ids) {
        const structureFile = path.join(directory, `${variant}-str.xml`);
        interpretations.push({
          id: variant,
          regions: parseRegions(await readFile(path.join(directory, `${variant}-reg.xml`), "utf8")),
          structure: existsSync(structureFile) ? parseStructure(await readFile(structureFile, "utf8")) : [],
        });
      }
      if (interpretations.length > 0)
        documents.push({ name: id, pdf: path.join(directory, pdf), interpretations });
    }
  }
  return documents;
}

export function parseRegions(xml: string): IcdarRegion[] {
  const regions: IcdarRegion[] = [];
  for (const [table, body] of tables(xml))
    for (const region of body.matchAll(/<region\b([^>]*)>([\s\S]*?)<\/region>/gu)) {
      const box = /<bounding-box\b([^>]*?)\/?>/u.exec(region[2]!);
      if (box === null) continue;
      const a = attributes(box[1]!);
      regions.push({
        table,
        page: Number(attributes(region[1]!).page),
        bbox: { x1: Number(a.x1), y1: Number(a.y1), x2: Number(a.x2), y2: Number(a.y2) },
      });
    }
  return regions;
}

/** Cells without end-row/end-col span one row/column. */
export function parseStructure(xml: string): IcdarStructureRegion[] {
  const regions: IcdarStructureRegion[] = [];
  for (const [table, body] of tables(xml))
    for (const region of body.matchAll(/<region\b([^>]*)>([\s\S]*?)<\/region>/gu)) {
      const cells: TableCell[] = [];
      for (const cell of region[2]!.matchAll(/<cell\b([^>]*?)(?:\/>|>([\s\S]*?)<\/cell>)/gu)) {
        const a = attributes(cell[1]!);
        const row = Number(a["start-row"]);
        const col = Number(a["start-col"]);
        const endRow = a["end-row"] === undefined ? row : Number(a["end-row"]);
        const endCol = a["end-col"] === undefined ? col : Number(a["end-col"]);
        const content = /<content>([\s\S]*?)<\/content>/u.exec(cell[2] ?? "")?.[1] ?? "";
        cells.push({
          row,
          col,
          rowSpan: Math.max(1, endRow - row + 1),
          colSpan: Math.max(1, endCol - col + 1),
          text: decodeEntities(content),
        });
      }
      regions.push({ table, page: Number(attributes(region[1]!).page), cells });
    }
  return regions;
}

function* tables(xml: string): Generator<[number, string]> {
  let index = 0;
  for (const match of xml.matchAll(/<table\b[^>]*>([\s\S]*?)<\/table>/gu)) yield [index++, match[1]!];
}

function attributes(text: string): Record<string, string> {
  const result: Record<string, string> = {};
  for (const match of text.matchAll(/([\w-]+)\s*=\s*(["'])(.*?)\2/gu))
    result[match[1]!] = decodeEntities(match[3]!);
  return result;
}
