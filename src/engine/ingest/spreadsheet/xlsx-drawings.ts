/**
 * Charts and pictures drawn on an XLSX sheet, from its drawing parts (DrawingML, ECMA-376 Part 1 §20.5
 * and §21.2): each anchored object becomes a figure at the cell its anchor starts in. A chart's text is
 * its title, its kind ("Line chart") and the data it plots as a small markdown table, read from the
 * values the chart part caches — the chart is not rendered. A picture is an image figure without text.
 */
import type { FigureType } from "../../document/block.ts";
import { generalNumber } from "./number-format.ts";
import { type SheetComment, sheetComments } from "./xlsx-comments.ts";
import {
  attribute,
  child,
  childText,
  list,
  parseXmlPart,
  read,
  relationships,
  relationshipsOfType,
  type Xml,
} from "./xlsx-parts.ts";

/** A figure anchored on a sheet; row and column are 0-based, as the workbook has them. */
export interface SheetFigure {
  readonly row: number;
  readonly column: number;
  readonly figureType: FigureType;
  readonly text: string;
}

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
  /** Its cell comments, row-major. */
  readonly comments: readonly SheetComment[];
}

/** The workbook's sheets in order with their figures and comments; empty when workbook.xml is unreadable. Never throws. */
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
        comments: target === undefined ? [] : sheetComments(parts, target),
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
    return chartDescription(parseXmlPart(xml));
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
