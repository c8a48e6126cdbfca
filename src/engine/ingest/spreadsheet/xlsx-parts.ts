/**
 * Reading the small XML parts of an XLSX package that exceljs does not model (drawings, charts, comments,
 * number formats): one namespace-stripping parser, relationship resolution and tolerant accessors over
 * its output. Parts are keyed by path without a leading slash.
 */
import { XMLParser } from "fast-xml-parser";
import { strFromU8 } from "fflate";

export type Xml = Record<string, unknown>;

/** Elements that may repeat, always read as arrays. */
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
  "comment",
  "threadedComment",
  "person",
  "author",
  "numFmt",
]);

const OPTIONS = {
  ignoreAttributes: false,
  attributeNamePrefix: "@",
  removeNSPrefix: true,
  parseTagValue: false,
  parseAttributeValue: false,
  isArray: (name: string) => ARRAYS.has(name),
};
const parser = new XMLParser(OPTIONS);
// Text runs (comments' <t>) keep their edge spaces: "Calendar " + "year" is two words.
const spacedParser = new XMLParser({ ...OPTIONS, trimValues: false });

/** Parses one part's XML text; throws on malformed XML. `keepSpaces` keeps text nodes untrimmed. */
export function parseXmlPart(xml: string, keepSpaces = false): Xml {
  return (keepSpaces ? spacedParser : parser).parse(xml) as Xml;
}

export function read(
  parts: ReadonlyMap<string, Uint8Array>,
  path: string,
  keepSpaces = false,
): Xml | undefined {
  const data = parts.get(path);
  if (data === undefined) return undefined;
  try {
    return parseXmlPart(strFromU8(data), keepSpaces);
  } catch {
    return undefined;
  }
}

/** Relationship id → target part path (resolved against the part's folder). */
export function relationships(parts: ReadonlyMap<string, Uint8Array>, partPath: string): Map<string, string> {
  const map = new Map<string, string>();
  for (const rel of relationshipList(parts, partPath)) map.set(rel.id, rel.target);
  return map;
}

export function relationshipsOfType(
  parts: ReadonlyMap<string, Uint8Array>,
  partPath: string,
  type: string,
): string[] {
  return relationshipList(parts, partPath)
    .filter((rel) => rel.type.endsWith(`/${type}`))
    .map((rel) => rel.target);
}

export function relationshipList(
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

export function child(node: Xml | undefined, name: string): Xml | undefined {
  const value = node?.[name];
  if (Array.isArray(value)) return value[0] as Xml | undefined;
  return typeof value === "object" && value !== null ? (value as Xml) : undefined;
}

export function list(node: Xml | undefined, name: string): Xml[] {
  const value = node?.[name];
  if (value === undefined) return [];
  return (Array.isArray(value) ? value : [value]).filter(
    (item): item is Xml => typeof item === "object" && item !== null,
  );
}

export function attribute(node: Xml | undefined, name: string): string | undefined {
  const value = node?.[`@${name}`];
  return typeof value === "string" ? value : undefined;
}

/** Text content of the first `name` child of `node`. */
export function childText(node: Xml | undefined, name: string): string | undefined {
  const value = node?.[name];
  return text(Array.isArray(value) ? value[0] : value);
}

/** Text content of an element (fast-xml-parser gives a string, or "#text" beside attributes). */
export function text(node: unknown): string | undefined {
  if (typeof node === "string") return node;
  if (typeof node === "number") return String(node);
  if (typeof node === "object" && node !== null) {
    const inner = (node as Xml)["#text"];
    return typeof inner === "string" || typeof inner === "number" ? String(inner) : undefined;
  }
  return undefined;
}

/**
 * The workbook's custom number formats as styles.xml writes them, keyed by the form exceljs hands out:
 * exceljs drops every backslash escape when it reads a format (`\1\.0#` becomes `1.0#`, whose "1" is
 * then a digit and its "." a decimal point), so cells' formats are looked up here to get the escapes back.
 * When two codes read the same once unescaped, the first is kept.
 */
export function escapedNumberFormats(parts: ReadonlyMap<string, Uint8Array>): Map<string, string> {
  const codes = new Map<string, string>();
  for (const format of list(child(child(read(parts, "xl/styles.xml"), "styleSheet"), "numFmts"), "numFmt")) {
    const code = attribute(format, "formatCode");
    if (code === undefined || !code.includes("\\")) continue;
    const unescaped = code.replace(/\\(.)/g, "$1");
    if (!codes.has(unescaped)) codes.set(unescaped, code);
  }
  return codes;
}
