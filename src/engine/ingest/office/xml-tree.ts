/**
 * A small element tree for the XML parts of Office files (and for HTML): parsed with htmlparser2 into
 * plain objects with qualified names ("w:p"), attributes and children, plus the few walkers the
 * converters need. Entities are decoded; namespaces are not resolved (OOXML prefixes are fixed in
 * practice, and the converters match local names where a producer might choose another prefix).
 */
import { Parser } from "htmlparser2";

export interface XmlElement {
  readonly name: string;
  readonly attributes: Readonly<Record<string, string>>;
  readonly children: XmlNode[];
}

export type XmlNode = XmlElement | string;

/** Parses XML (or, with `html`, lenient HTML: lower-cased names, void elements, implied ends). */
export function parseXml(text: string, html = false): XmlElement {
  const root: XmlElement = { name: "#root", attributes: {}, children: [] };
  const stack: XmlElement[] = [root];
  const parser = new Parser(
    {
      onopentag(name, attributes) {
        const element: XmlElement = { name, attributes, children: [] };
        stack[stack.length - 1]!.children.push(element);
        stack.push(element);
      },
      ontext(data) {
        const children = stack[stack.length - 1]!.children;
        const last = children[children.length - 1];
        if (typeof last === "string") children[children.length - 1] = last + data;
        else children.push(data);
      },
      onclosetag() {
        if (stack.length > 1) stack.pop();
      },
    },
    html
      ? { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true }
      : { xmlMode: true, decodeEntities: true },
  );
  parser.write(text);
  parser.end();
  return root;
}

/** The part after the namespace prefix: "w:p" → "p". */
export function localName(element: XmlElement): string {
  const colon = element.name.indexOf(":");
  return colon < 0 ? element.name : element.name.slice(colon + 1);
}

export function elementChildren(element: XmlElement): XmlElement[] {
  return element.children.filter((child): child is XmlElement => typeof child !== "string");
}

/** The first child element named `name` (qualified), if any. */
export function child(element: XmlElement | undefined, name: string): XmlElement | undefined {
  if (element === undefined) return undefined;
  for (const node of element.children) if (typeof node !== "string" && node.name === name) return node;
  return undefined;
}

export function childrenNamed(element: XmlElement | undefined, name: string): XmlElement[] {
  if (element === undefined) return [];
  return element.children.filter(
    (node): node is XmlElement => typeof node !== "string" && node.name === name,
  );
}

/** Every descendant element named `name`, in document order (not descending into matches). */
export function descendants(element: XmlElement, name: string): XmlElement[] {
  const found: XmlElement[] = [];
  const visit = (node: XmlElement) => {
    for (const next of node.children) {
      if (typeof next === "string") continue;
      if (next.name === name) found.push(next);
      else visit(next);
    }
  };
  visit(element);
  return found;
}

/** The first descendant named `name`, depth first. */
export function firstDescendant(element: XmlElement, name: string): XmlElement | undefined {
  for (const next of element.children) {
    if (typeof next === "string") continue;
    if (next.name === name) return next;
    const deeper = firstDescendant(next, name);
    if (deeper !== undefined) return deeper;
  }
  return undefined;
}

/** All text below `element`, concatenated. */
export function textOf(element: XmlElement): string {
  let text = "";
  for (const node of element.children) text += typeof node === "string" ? node : textOf(node);
  return text;
}

/** An attribute as an integer, or undefined. */
export function intAttribute(element: XmlElement | undefined, name: string): number | undefined {
  const value = element?.attributes[name];
  if (value === undefined) return undefined;
  const parsed = Number.parseInt(value, 10);
  return Number.isFinite(parsed) ? parsed : undefined;
}
