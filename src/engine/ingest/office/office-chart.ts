/**
 * A DrawingML chart part (c:chartSpace, used by Word, PowerPoint and Excel) as the text of its figure
 * block: the chart's title, its kind ("Bar chart"), and for the common kinds its cached data as a pipe
 * table (categories down, one column per series). The cached values are what the file shows; nothing is
 * recalculated. SmartArt diagrams likewise become their node text.
 */
import {
  child,
  childrenNamed,
  descendants,
  firstDescendant,
  localName,
  textOf,
  type XmlElement,
} from "./xml-tree.ts";

const KINDS: Readonly<Record<string, string>> = {
  barChart: "Bar chart",
  bar3DChart: "Bar chart",
  lineChart: "Line chart",
  line3DChart: "Line chart",
  pieChart: "Pie chart",
  pie3DChart: "Pie chart",
  doughnutChart: "Pie chart",
  areaChart: "Area chart",
  area3DChart: "Area chart",
  scatterChart: "Scatter chart",
  radarChart: "Radar chart",
  bubbleChart: "Bubble chart",
};

export function chartText(chartSpace: XmlElement): string {
  const chart = firstDescendant(chartSpace, "c:chart");
  if (chart === undefined) return "";
  const parts: string[] = [];
  const title = child(chart, "c:title");
  const titleText = title === undefined ? "" : descendants(title, "a:t").map(textOf).join("").trim();
  if (titleText !== "") parts.push(titleText);
  const plots = (child(chart, "c:plotArea")?.children ?? []).filter(
    (node): node is XmlElement => typeof node !== "string" && localName(node).endsWith("Chart"),
  );
  const known = plots.filter((plot) => KINDS[localName(plot)] !== undefined);
  if (known.length === 0) {
    parts.push("Other chart");
    return parts.join("\n\n");
  }
  parts.push(KINDS[localName(known[0]!)]!);
  const table = dataTable(known.flatMap((plot) => childrenNamed(plot, "c:ser")));
  if (table !== "") parts.push(table);
  return parts.join("\n\n");
}

/** Cached points of a c:strRef/c:numRef/c:strLit/c:numLit below `element`, by index. */
function points(element: XmlElement | undefined): string[] {
  const values: string[] = [];
  if (element === undefined) return values;
  for (const pt of descendants(element, "c:pt")) {
    const index = Number.parseInt(pt.attributes.idx ?? "", 10);
    const value = child(pt, "c:v");
    if (Number.isInteger(index) && value !== undefined) values[index] = tidyNumber(textOf(value).trim());
  }
  return values;
}

function dataTable(series: readonly XmlElement[]): string {
  if (series.length === 0) return "";
  const names = series.map((ser, index) => points(child(ser, "c:tx"))[0] ?? `Series ${index + 1}`);
  const values = series.map((ser) => points(child(ser, "c:val") ?? child(ser, "c:yVal")));
  const categories = points(child(series[0]!, "c:cat") ?? child(series[0]!, "c:xVal"));
  const rowCount = Math.max(categories.length, ...values.map((column) => column.length));
  if (rowCount === 0) return "";
  const line = (cells: readonly string[]) => `| ${cells.join(" | ")} |`;
  const rows = [line(["", ...names]), line(["", ...names].map(() => "---"))];
  for (let row = 0; row < rowCount; row++)
    rows.push(line([categories[row] ?? "", ...values.map((column) => column[row] ?? "")]));
  return rows.join("\n");
}

/** Binary floating-point noise trimmed ("4.4000000000000004" → "4.4"); other text unchanged. */
function tidyNumber(value: string): string {
  if (!/^-?\d+\.\d{12,}$/u.test(value)) return value;
  return String(Number(Number(value).toPrecision(12)));
}

/** A SmartArt data part's text: each non-empty paragraph of its nodes on a line. */
export function diagramText(dataModel: XmlElement): string {
  return descendants(dataModel, "a:p")
    .map((paragraph) => descendants(paragraph, "a:t").map(textOf).join("").replace(/\s+/gu, " ").trim())
    .filter((text) => text !== "")
    .join("\n");
}
