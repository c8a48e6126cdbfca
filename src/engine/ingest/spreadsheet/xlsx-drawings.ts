/**
 * Charts and pictures drawn on an XLSX sheet, from its drawing parts (DrawingML, ECMA-376 Part 1 §20.5
 * and §21.2): each anchored object becomes a figure at the cell its anchor starts in. A chart's text is
 * its title, its kind ("Line chart") and the data it plots as a small markdown table, read from the
 * values the chart part caches — the chart is not rendered. A picture is an image figure without text.
 */
import { XMLParser } from "fast-xml-parser";
import { strFromU8 } from "fflate";
import type { FigureType } from "../../document/block.ts";
import { generalNumber } from "./number-format.ts";

/** A figure anchored on a sheet; row and column are 0-based, as the workbook has them. */
export interface SheetFigure {
  readonly row: number;
  readonly column: number;
  readonly figureType: FigureType;
  readonly text: string;
}

type Xml = Record<string, unknown>;

const ARRAYS = new Set([
  "sheet",
  "Relationship",
  "twoCellAnchor",
  "oneCellAnchor",
  "absoluteAnchor",
  "ser",
  "pt",
  "p",
  "r",
]);

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: "@",
  removeNSPrefix: true,
  parseTagValue: false,
  parseAttributeValue: false,
  isArray: (name) => ARRAYS.has(name),
});

const CHART_KINDS: Record<string, string> = {
  lineChart: "Line chart",
  line3DChart: "Line chart",
  areaChart: "Area chart",
  area3DChart: "Area chart",
  pieChart: "Pie chart",
  pie3DChart: "Pie chart",
  ofPieChart: "Pie chart",
  doughnutChart: "Doughnut chart",
  scatterChart: "Scatter chart",
  radarChart: "Radar chart",
  bubbleChart: "Bubble chart",
  stockChart: "Stock chart",
  surfaceChart: "Surface chart",
  surface3DChart: "Surface chart",
};

/** A sheet as workbook.xml lists it: worksheets and chartsheets, in tab order. */
export interface ListedSheet {
  readonly name: string;
  /** A chartsheet (a sheet that is one chart, without cells); exceljs does not read these. */
  readonly chartsheet: boolean;
  /** state="hidden" or "veryHidden". */
  readonly hidden: boolean;
  /** Charts and pictures drawn on it, in anchor order. */
  readonly figures: readonly SheetFigure[];
}

/** The workbook's sheets in order with their figures; empty when workbook.xml is unreadable. Never throws. */
export function listSheets(parts: ReadonlyMap<string, Uint8Array>): ListedSheet[] {
  const workbook = read(parts, "xl/workbook.xml");
  const sheets = list(child(child(workbook, "workbook"), "sheets"), "sheet");
  const workbookRels = relationships(parts, "xl/workbook.xml");
  return sheets.flatMap((sheet): ListedSheet[] => {
    const name = attribute(sheet, "name");
    const target = workbookRels.get(attribute(sheet, "id") ?? "");
    if (name === undefined) return [];
    const figures: SheetFigure[] = [];
    if (target !== undefined)
      for (const drawing of relationshipsOfType(parts, target, "drawing"))
        figures.push(...drawingFigures(parts, drawing));
    const state = attribute(sheet, "state");
    return [
      {
        name,
        chartsheet: target !== undefined && /(^|\/)chartsheets\//.test(target),
        hidden: state === "hidden" || state === "veryHidden",
        figures,
      },
    ];
  });
}

function drawingFigures(parts: ReadonlyMap<string, Uint8Array>, path: string): SheetFigure[] {
  const root = child(read(parts, path), "wsDr");
  const rels = relationships(parts, path);
  const anchors = [
    ...list(root, "twoCellAnchor"),
    ...list(root, "oneCellAnchor"),
    ...list(root, "absoluteAnchor"),
  ];
  const figures: SheetFigure[] = [];
  for (const anchor of anchors) {
    const from = child(anchor, "from");
    const row = Number(childText(from, "row") ?? 0);
    const column = Number(childText(from, "col") ?? 0);
    const chartId = attribute(
      child(child(child(child(anchor, "graphicFrame"), "graphic"), "graphicData"), "chart"),
      "id",
    );
    if (chartId !== undefined) {
      const chartPath = rels.get(chartId);
      const chart = chartPath === undefined ? undefined : chartDescription(read(parts, chartPath));
      if (chart !== undefined) figures.push({ row, column, figureType: "chart", text: chart });
    } else if (child(anchor, "pic") !== undefined) {
      figures.push({ row, column, figureType: "image", text: "" });
    }
  }
  return figures.sort((a, b) => a.row - b.row || a.column - b.column);
}

/** Title, kind and cached data of a chart part's XML; undefined when it has no plot area. */
export function chartText(xml: string): string | undefined {
  try {
    return chartDescription(parser.parse(xml) as Xml);
  } catch {
    return undefined;
  }
}

function chartDescription(xml: Xml | undefined): string | undefined {
  const chart = child(child(xml, "chartSpace"), "chart");
  const plotArea = child(chart, "plotArea");
  if (plotArea === undefined) return undefined;
  const lines: string[] = [];
  const title = titleText(child(chart, "title"));
  if (title !== "") lines.push(title);
  for (const [tag, node] of Object.entries(plotArea)) {
    if (!tag.endsWith("Chart") || typeof node !== "object" || node === null) continue;
    const kind =
      tag === "barChart" || tag === "bar3DChart"
        ? attribute(child(node as Xml, "barDir"), "val") === "bar"
          ? "Bar chart"
          : "Column chart"
        : (CHART_KINDS[tag] ?? "Chart");
    lines.push(kind);
    const table = seriesTable(list(node as Xml, "ser"));
    if (table !== "") lines.push(table);
  }
  return lines.join("\n");
}

function titleText(title: Xml | undefined): string {
  const tx = child(title, "tx");
  const rich = list(child(tx, "rich"), "p")
    .map((p) =>
      list(p, "r")
        .map((run) => childText(run, "t") ?? "")
        .join(""),
    )
    .join(" ")
    .trim();
  if (rich !== "") return rich;
  return cached(child(tx, "strRef"))[0] ?? "";
}

/** One row per category, one column per series: the values the chart caches. */
function seriesTable(series: readonly Xml[]): string {
  if (series.length === 0) return "";
  const names = series.map(
    (ser, index) =>
      cached(child(child(ser, "tx"), "strRef"))[0] ??
      childText(child(ser, "tx"), "v") ??
      `Series ${index + 1}`,
  );
  const values = series.map((ser) => cached(child(ser, "val") ?? child(ser, "yVal")));
  const first = series[0]!;
  const categories = cached(child(first, "cat") ?? child(first, "xVal"));
  const count = Math.max(categories.length, ...values.map((column) => column.length));
  if (count === 0) return "";
  const row = (cells: readonly string[]) =>
    `| ${cells.map((cell) => cell.replace(/\|/g, "\\|")).join(" | ")} |`;
  const lines = [row(["", ...names]), row(["", ...names].map(() => "---"))];
  for (let index = 0; index < count; index++)
    lines.push(row([categories[index] ?? String(index + 1), ...values.map((column) => column[index] ?? "")]));
  return lines.join("\n");
}

/** Cached point values of a str/num reference or literal, by point index. */
function cached(node: Xml | undefined): string[] {
  if (node === undefined) return [];
  const source =
    child(child(node, "strRef"), "strCache") ??
    child(child(node, "numRef"), "numCache") ??
    child(child(node, "multiLvlStrRef"), "multiLvlStrCache") ??
    child(node, "strCache") ??
    child(node, "numCache") ??
    child(node, "strLit") ??
    child(node, "numLit");
  const values: string[] = [];
  for (const point of list(source, "pt")) {
    const index = Number(attribute(point, "idx") ?? values.length);
    const value = childText(point, "v") ?? "";
    const number = Number(value);
    if (Number.isInteger(index) && index >= 0 && index < 100_000)
      values[index] = value !== "" && Number.isFinite(number) ? generalNumber(number) : value;
  }
  return Array.from(values, (value) => value ?? "");
}

// ------------------------------------------------------------------------------------- package reading

function read(parts: ReadonlyMap<string, Uint8Array>, path: string): Xml | undefined {
  const data = parts.get(path);
  if (data === undefined) return undefined;
  try {
    return parser.parse(strFromU8(data)) as Xml;
  } catch {
    return undefined;
  }
}

/** Relationship id → target part path (resolved against the part's folder). */
function relationships(parts: ReadonlyMap<string, Uint8Array>, partPath: string): Map<string, string> {
  const map = new Map<string, string>();
  for (const rel of relationshipList(parts, partPath)) map.set(rel.id, rel.target);
  return map;
}

function relationshipsOfType(
  parts: ReadonlyMap<string, Uint8Array>,
  partPath: string,
  type: string,
): string[] {
  return relationshipList(parts, partPath)
    .filter((rel) => rel.type.endsWith(`/${type}`))
    .map((rel) => rel.target);
}

function relationshipList(
  parts: ReadonlyMap<string, Uint8Array>,
  partPath: string,
): { id: string; type: string; target: string }[] {
  const folder = partPath.slice(0, partPath.lastIndexOf("/") + 1);
  const relsPath = `${folder}_rels/${partPath.slice(folder.length)}.rels`;
  const rels = list(child(read(parts, relsPath), "Relationships"), "Relationship");
  return rels.flatMap((rel) => {
    const id = attribute(rel, "Id");
    const target = attribute(rel, "Target");
    if (id === undefined || target === undefined || attribute(rel, "TargetMode") === "External") return [];
    return [{ id, type: attribute(rel, "Type") ?? "", target: resolve(folder, target) }];
  });
}

/** A relationship target as a package path: absolute ("/xl/…") or relative to the source part's folder. */
function resolve(folder: string, target: string): string {
  const segments = (target.startsWith("/") ? target.slice(1) : folder + target).split("/");
  const out: string[] = [];
  for (const segment of segments) {
    if (segment === "..") out.pop();
    else if (segment !== "." && segment !== "") out.push(segment);
  }
  return out.join("/");
}

function child(node: Xml | undefined, name: string): Xml | undefined {
  const value = node?.[name];
  if (Array.isArray(value)) return value[0] as Xml | undefined;
  return typeof value === "object" && value !== null ? (value as Xml) : undefined;
}

function list(node: Xml | undefined, name: string): Xml[] {
  const value = node?.[name];
  if (value === undefined) return [];
  return (Array.isArray(value) ? value : [value]).filter(
    (item): item is Xml => typeof item === "object" && item !== null,
  );
}

function attribute(node: Xml | undefined, name: string): string | undefined {
  const value = node?.[`@${name}`];
  return typeof value === "string" ? value : undefined;
}

/** Text content of the first `name` child of `node`. */
function childText(node: Xml | undefined, name: string): string | undefined {
  const value = node?.[name];
  return text(Array.isArray(value) ? value[0] : value);
}

/** Text content of an element (fast-xml-parser gives a string, or "#text" beside attributes). */
function text(node: unknown): string | undefined {
  if (typeof node === "string") return node;
  if (typeof node === "number") return String(node);
  if (typeof node === "object" && node !== null) {
    const inner = (node as Xml)["#text"];
    return typeof inner === "string" || typeof inner === "number" ? String(inner) : undefined;
  }
  return undefined;
}
