/**
 * Cell comments of an XLSX sheet: legacy notes (xl/commentsN.xml, ECMA-376 §18.7) and threaded comments
 * (xl/threadedComments, with their authors in xl/persons), each as a line "[author: Name, time: …]:
 * text" — the form slide comments take (office/pptx-comments.ts). Excel writes a legacy note beside every
 * threaded comment for older readers (author "tc={id}", text "[Threaded comment] …"); a cell with a
 * threaded conversation is read from that and its legacy mirror left out. Never throws: an unreadable
 * part gives no comments.
 */
import {
  attribute,
  child,
  childText,
  list,
  read,
  relationshipsOfType,
  text,
  type Xml,
} from "./xlsx-parts.ts";

/** A comment on a cell; row and column are 0-based, as the workbook has them. */
export interface SheetComment {
  readonly row: number;
  readonly column: number;
  readonly text: string;
}

/** The comments of the sheet part at `sheetPath`, row-major by cell, each thread in its order. */
export function sheetComments(parts: ReadonlyMap<string, Uint8Array>, sheetPath: string): SheetComment[] {
  const comments: SheetComment[] = [];
  const threaded = new Set<string>();
  const people = persons(parts);
  for (const path of relationshipsOfType(parts, sheetPath, "threadedComment")) {
    for (const comment of list(child(read(parts, path, true), "ThreadedComments"), "threadedComment")) {
      const ref = attribute(comment, "ref");
      const body = clean(childText(comment, "text") ?? "");
      const at = ref === undefined ? undefined : parseReference(ref);
      if (at === undefined || body === "") continue;
      threaded.add(ref!.toUpperCase());
      const who = people.get(attribute(comment, "personId") ?? "") ?? "unknown";
      comments.push({ ...at, text: line(who, attribute(comment, "dT"), body) });
    }
  }
  for (const path of relationshipsOfType(parts, sheetPath, "comments")) {
    const root = child(read(parts, path, true), "comments");
    const listed = child(root, "authors")?.author;
    const authors = (Array.isArray(listed) ? listed : []).map((author: unknown) => text(author) ?? "");
    for (const comment of list(child(root, "commentList"), "comment")) {
      const ref = attribute(comment, "ref");
      const at = ref === undefined ? undefined : parseReference(ref);
      if (at === undefined || threaded.has(ref!.toUpperCase())) continue;
      const body = clean(richText(child(comment, "text")));
      if (body === "") continue;
      const author = authors[Number(attribute(comment, "authorId") ?? -1)];
      comments.push({
        ...at,
        text: line(author === undefined || author === "" ? "unknown" : author, undefined, body),
      });
    }
  }
  // Stable: a thread keeps its order (first comment, then replies) within its cell.
  return comments.sort((a, b) => a.row - b.row || a.column - b.column);
}

function line(author: string, time: string | undefined, body: string): string {
  return `[author: ${author}${time === undefined ? "" : `, time: ${time}`}]: ${body}`;
}

/** Display names of threaded-comment authors by person id. */
function persons(parts: ReadonlyMap<string, Uint8Array>): Map<string, string> {
  const names = new Map<string, string>();
  for (const path of parts.keys()) {
    if (!/^xl\/persons\/[^/]+\.xml$/i.test(path)) continue;
    for (const person of list(child(read(parts, path), "personList"), "person")) {
      const id = attribute(person, "id");
      const name = attribute(person, "displayName");
      if (id !== undefined && name !== undefined) names.set(id, name);
    }
  }
  return names;
}

/** A legacy comment's text: its runs' <t> in order, or a lone <t>. */
function richText(node: Xml | undefined): string {
  if (node === undefined) return "";
  const runs = list(node, "r");
  if (runs.length === 0) return childText(node, "t") ?? "";
  return runs.map((run) => childText(run, "t") ?? "").join("");
}

function clean(value: string): string {
  return value.replace(/\s+/g, " ").trim();
}

/** "F7" → { row: 6, column: 5 }; undefined for anything else (ranges keep their first cell). */
export function parseReference(ref: string): { row: number; column: number } | undefined {
  const match = /^\$?([A-Z]{1,3})\$?(\d{1,7})(?::|$)/i.exec(ref.trim());
  if (match === null) return undefined;
  let column = 0;
  for (const letter of match[1]!.toUpperCase()) column = column * 26 + (letter.charCodeAt(0) - 64);
  return { row: Number(match[2]) - 1, column: column - 1 };
}
