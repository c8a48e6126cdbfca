/**
 * Word footnotes and endnotes: a reference in the text becomes a markdown footnote mark ("[^1]",
 * numbered in order of first reference, as Word numbers them) and the note's text a "[^1]: …"
 * paragraph after the document's body. Notes never referenced are left out.
 */
import type { Block } from "../../document/block.ts";
import { textBlock } from "./office-blocks.ts";
import { childrenNamed, parseXml, type XmlElement } from "./xml-tree.ts";

export class DocxNotes {
  readonly #notes = new Map<string, XmlElement>();
  readonly #order: { key: string; mark: number }[] = [];
  readonly #marks = new Map<string, number>();

  constructor(footnotes: string | undefined, endnotes: string | undefined) {
    for (const [kind, xml] of [
      ["footnote", footnotes],
      ["endnote", endnotes],
    ] as const) {
      if (xml === undefined) continue;
      const root = parseXml(xml);
      for (const list of childrenNamed(root, `w:${kind}s`))
        for (const note of childrenNamed(list, `w:${kind}`)) {
          const type = note.attributes["w:type"];
          // Separator and continuation notes are the lines Word draws above the notes, not notes.
          if (type === undefined || type === "normal")
            this.#notes.set(`${kind}:${note.attributes["w:id"]}`, note);
        }
    }
  }

  reference(kind: "footnote" | "endnote", id: string): string {
    const key = `${kind}:${id}`;
    if (!this.#notes.has(key)) return "";
    let mark = this.#marks.get(key);
    if (mark === undefined) {
      mark = this.#order.length + 1;
      this.#marks.set(key, mark);
      this.#order.push({ key, mark });
    }
    return `[^${mark}]`;
  }

  /** "[^n]: text" paragraphs of the referenced notes; `read` gives a note's body text. */
  blocks(read: (note: XmlElement) => string): Block[] {
    const blocks: Block[] = [];
    // Reading a note may reference further notes: the list grows while it is walked.
    for (let index = 0; index < this.#order.length; index++) {
      const { key, mark } = this.#order[index]!;
      const text = read(this.#notes.get(key)!).trim();
      if (text !== "") blocks.push(textBlock(`[^${mark}]: ${text}`));
    }
    return blocks;
  }
}
