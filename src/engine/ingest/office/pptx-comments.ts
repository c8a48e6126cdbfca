/**
 * Slide comments (review threads) of a PowerPoint slide, legacy (ppt/comments, commentAuthors.xml) and
 * modern (p188 threaded comments, authors.xml) alike, as paragraphs "[author: Name (initials), time:
 * …]: text" that follow the slide's content. Elements are matched by local name: producers use
 * different prefixes for the same namespaces.
 */
import type { Block } from "../../document/block.ts";
import { cleanText, textBlock } from "./office-blocks.ts";
import { type OfficePackage, partText, type Relationship } from "./office-zip.ts";
import { localName, parseXml, textOf, type XmlElement } from "./xml-tree.ts";

interface Author {
  readonly name: string;
  readonly initials: string | undefined;
}

/** Authors from every author list in the package (legacy and modern), by id. */
export function commentAuthors(pkg: OfficePackage): Map<string, Author> {
  const authors = new Map<string, Author>();
  for (const part of ["ppt/commentAuthors.xml", "ppt/authors.xml"]) {
    const xml = partText(pkg, part);
    if (xml === undefined) continue;
    for (const element of byLocalName(parseXml(xml), new Set(["cmAuthor", "author"]))) {
      const { id, name, initials } = element.attributes;
      if (id !== undefined && name !== undefined) authors.set(id, { name, initials });
    }
  }
  return authors;
}

export function commentBlocks(
  pkg: OfficePackage,
  slideRels: ReadonlyMap<string, Relationship>,
  authors: ReadonlyMap<string, Author>,
): Block[] {
  const blocks: Block[] = [];
  for (const rel of slideRels.values()) {
    if (!/\/comments$/u.test(rel.type) || rel.external) continue;
    const xml = partText(pkg, rel.target);
    if (xml === undefined) continue;
    for (const comment of byLocalName(parseXml(xml), new Set(["cm"]))) {
      const body = byLocalName(comment, new Set(["text", "txBody"]))[0];
      const text = body === undefined ? "" : cleanText(paragraphText(body));
      if (text === "") continue;
      const author = authors.get(comment.attributes.authorId ?? "");
      const who =
        author === undefined
          ? "unknown"
          : `${author.name}${author.initials === undefined ? "" : ` (${author.initials})`}`;
      const time = comment.attributes.dt ?? comment.attributes.created;
      blocks.push(textBlock(`[author: ${who}${time === undefined ? "" : `, time: ${time}`}]: ${text}`));
    }
  }
  return blocks;
}

function paragraphText(body: XmlElement): string {
  const paragraphs = byLocalName(body, new Set(["p"]));
  return paragraphs.length === 0 ? textOf(body) : paragraphs.map(textOf).join("\n");
}

/** Descendants whose local name is in `names`, in document order (not descending into matches). */
function byLocalName(element: XmlElement, names: ReadonlySet<string>): XmlElement[] {
  const found: XmlElement[] = [];
  for (const node of element.children) {
    if (typeof node === "string") continue;
    if (names.has(localName(node))) found.push(node);
    else found.push(...byLocalName(node, names));
  }
  return found;
}
