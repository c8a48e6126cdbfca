/**
 * Reads the shared corpus (read-only, by path; nothing is copied into the repo) into the cases the
 * parse suite scores: docling ground-truth pairs, and camelot/tabula expected tables as "slots" — one
 * table the engine should find, with every acceptable interpretation the corpus records for it.
 */
import { existsSync } from "node:fs";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { cellsFromRows, type TableCell } from "../metrics/table-grid.ts";
import { parseCsv } from "./csv.ts";

export const REPO_ROOT = path.resolve(import.meta.dirname, "..", "..");
export const DEFAULT_CORPUS = path.resolve(REPO_ROOT, "..", "shared", "corpus");

export interface DoclingCase {
  readonly name: string;
  readonly pdf: string;
  readonly markdown: string;
  /** DoclingDocument v2 JSON; absent when the corpus has only markdown. */
  readonly json: string | undefined;
}

/** Every docling PDF with a markdown ground truth (the skipped_* fixtures have none and are left out). */
export async function doclingCases(corpus: string): Promise<DoclingCase[]> {
  const root = path.join(corpus, "docling-groundtruth", "pdf");
  const sources = (await readdir(path.join(root, "sources"))).filter((name) => name.endsWith(".pdf")).sort();
  return sources.flatMap((file) => {
    const name = file.slice(0, -".pdf".length);
    const markdown = path.join(root, "groundtruth", `${name}.md`);
    const json = path.join(root, "groundtruth", `${name}.json`);
    if (!existsSync(markdown)) return [];
    return [
      { name, pdf: path.join(root, "sources", file), markdown, json: existsSync(json) ? json : undefined },
    ];
  });
}

/** One expected table: alternatives are interpretations the corpus accepts; the best one is scored. */
export interface TableSlot {
  readonly label: string;
  readonly alternatives: readonly (readonly TableCell[])[];
  /** 1-based pages the table is on; undefined when the corpus does not say (any page). */
  readonly pages: readonly number[] | undefined;
}

export interface TableCase {
  readonly corpus: "camelot" | "tabula";
  readonly name: string;
  readonly pdf: string;
  readonly slots: readonly TableSlot[];
}

// Camelot kwargs that post-process cell text in camelot-specific ways (copy spanning text, move text
// between cells, split, wrap superscripts in <s>, strip characters): another engine cannot be expected
// to reproduce them, so those cases are left out (the corpus MANIFEST recommends the plain ones).
const CAMELOT_POST_PROCESSING = ["copy_text", "shift_text", "split_text", "flag_size", "strip_text"];

interface CamelotCaseJson {
  readonly pdf: string;
  readonly camelot_read_pdf_kwargs: Record<string, unknown>;
  readonly table_index: number;
  readonly expected: string;
}

/**
 * Camelot's cases grouped by (pdf, pages, table index): different flavors asserting different expected
 * files for the same table are alternative interpretations of it.
 */
export async function camelotCases(corpus: string): Promise<TableCase[]> {
  const root = path.join(corpus, "camelot-tables");
  const cases = JSON.parse(await readFile(path.join(root, "cases.json"), "utf8")) as CamelotCaseJson[];
  const byPdf = new Map<string, Map<string, { pages: number[] | undefined; expected: Set<string> }>>();
  for (const entry of cases) {
    const kwargs = entry.camelot_read_pdf_kwargs;
    if (CAMELOT_POST_PROCESSING.some((key) => key in kwargs)) continue;
    const pages = camelotPages(typeof kwargs.pages === "string" ? kwargs.pages : "1");
    const slots = byPdf.get(entry.pdf) ?? new Map();
    byPdf.set(entry.pdf, slots);
    const key = `${pages?.join(",") ?? "all"}#${entry.table_index}`;
    const slot = slots.get(key) ?? { pages, expected: new Set<string>() };
    slot.expected.add(entry.expected);
    slots.set(key, slot);
  }
  const result: TableCase[] = [];
  for (const [pdf, slots] of [...byPdf].sort(([a], [b]) => a.localeCompare(b))) {
    const tableSlots: TableSlot[] = [];
    for (const [key, slot] of slots) {
      const alternatives: TableCell[][] = [];
      for (const file of [...slot.expected].sort()) {
        const rows = JSON.parse(await readFile(path.join(root, file), "utf8")) as string[][];
        alternatives.push(cellsFromRows(rows));
      }
      const label = `${[...slot.expected].map((file) => path.basename(file, ".json")).join(" | ")} (${key})`;
      tableSlots.push({ label, alternatives, pages: slot.pages });
    }
    result.push({
      corpus: "camelot",
      name: pdf.replace(/^pdfs\//u, ""),
      pdf: path.join(root, pdf),
      slots: tableSlots,
    });
  }
  return result;
}

/** Camelot's `pages` syntax ("1", "1,3", "2-4", "all", "1-end"); undefined means every page. */
function camelotPages(spec: string): number[] | undefined {
  const pages: number[] = [];
  for (const part of spec.split(",")) {
    const [from, to] = part.trim().split("-");
    if (from === "all" || to === "end") return undefined;
    const start = Number.parseInt(from ?? "", 10);
    const end = to === undefined ? start : Number.parseInt(to, 10);
    for (let page = start; page <= end; page++) pages.push(page);
  }
  return pages.length === 0 ? undefined : pages;
}

interface TabulaTableJson {
  readonly page_number?: number;
  readonly data: readonly (readonly { readonly text: string }[])[];
}

/**
 * Tabula's expected outputs per PDF. The JSON (when present) keeps tables apart and says their page,
 * so each of its tables is a slot; a CSV holds every table of the run concatenated, so it is one slot
 * (an alternative for a single-table JSON). `<name>_<variant>.json` files with no PDF of their own
 * (spanning_cells_basic: the stream-mode reading) are alternatives for the same slots.
 */
export async function tabulaCases(corpus: string): Promise<TableCase[]> {
  const root = path.join(corpus, "tabula-java-tables");
  const pdfs = (await readdir(path.join(root, "pdfs"))).filter((name) => name.endsWith(".pdf")).sort();
  const names = new Set(pdfs.map((file) => file.slice(0, -".pdf".length)));
  const jsonFiles = await readdir(path.join(root, "expected", "json"));
  const result: TableCase[] = [];
  for (const name of names) {
    const readJson = async (file: string) => {
      const parsed = JSON.parse(await readFile(path.join(root, "expected", "json", file), "utf8")) as
        | TabulaTableJson
        | TabulaTableJson[];
      return Array.isArray(parsed) ? parsed : [parsed];
    };
    const variants = jsonFiles.filter((file) => {
      const base = file.slice(0, -".json".length);
      return base.startsWith(`${name}_`) && !names.has(base);
    });
    const csvPath = path.join(root, "expected", "csv", `${name}.csv`);
    const csv = existsSync(csvPath) ? cellsFromRows(parseCsv(await readFile(csvPath, "utf8"))) : undefined;
    const slots: TableSlot[] = [];
    if (jsonFiles.includes(`${name}.json`)) {
      const tables = await readJson(`${name}.json`);
      const others = await Promise.all(variants.map(readJson));
      tables.forEach((table, index) => {
        const alternatives = [tabulaCells(table)];
        for (const other of others)
          if (other[index] !== undefined) alternatives.push(tabulaCells(other[index]));
        if (csv !== undefined && tables.length === 1) alternatives.push(csv);
        const pages = table.page_number === undefined ? undefined : [table.page_number];
        slots.push({ label: `${name}.json table ${index + 1}`, alternatives, pages });
      });
    } else if (csv !== undefined) {
      slots.push({ label: `${name}.csv`, alternatives: [csv], pages: undefined });
    }
    if (slots.length > 0)
      result.push({ corpus: "tabula", name, pdf: path.join(root, "pdfs", `${name}.pdf`), slots });
  }
  return result;
}

function tabulaCells(table: TabulaTableJson): TableCell[] {
  return cellsFromRows(table.data.map((row) => row.map((cell) => cell.text)));
}
