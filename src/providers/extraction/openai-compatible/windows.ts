/**
 * Splits the documents' markdown into windows that fit a character budget, page by page (a parse chunk
 * is the unit: one page with page chunking), each page headed by a marker the model can see. A page
 * larger than the budget is cut at line breaks. With `large_array_overlap_context` every window after
 * the first also repeats the previous page, so rows straddling a page break are seen whole (the merge
 * removes the duplicates this produces).
 */
import type { ExtractionRequest } from "../field-extractor.ts";

export interface DocumentWindow {
  /** Markdown with page markers, as sent to the model. */
  readonly text: string;
  /** `pageKey(fileIndex, page)` of every page the window shows: citations prefer these pages. */
  readonly pages: ReadonlySet<string>;
  /** Human-readable range for the prompt, e.g. "pages 1–3". */
  readonly label: string;
}

interface PageUnit {
  readonly text: string;
  readonly pages: readonly string[];
  readonly label: string;
}

export function pageKeyOf(fileIndex: number, page: number): string {
  return `${fileIndex}:${page}`;
}

export function buildWindows(request: ExtractionRequest, maxCharacters: number): DocumentWindow[] {
  const budget = Math.max(1000, maxCharacters);
  const units = request.documents.flatMap((document, fileIndex) =>
    document.parse.chunks.flatMap((chunk) => {
      const { start, end } = chunk.metadata.pageRange;
      const pages: string[] = [];
      for (let page = start; page <= end; page++) pages.push(pageKeyOf(fileIndex, page));
      const file =
        request.documents.length > 1
          ? `File ${fileIndex + 1}${document.fileId ? ` (${document.fileId})` : ""}, `
          : "";
      const label = `${file}${start === end ? `page ${start}` : `pages ${start}-${end}`}`;
      return splitOversized(chunk.content, budget - label.length - 20).map((content, part, all) => ({
        text: `<!-- ${label}${all.length > 1 ? ` (part ${part + 1} of ${all.length})` : ""} -->\n${content}`,
        pages,
        label,
      }));
    }),
  );
  const overlap = request.options.arrayStrategy === "large_array_overlap_context";
  const windows: DocumentWindow[] = [];
  let current: PageUnit[] = [];
  let size = 0;
  const flush = (): void => {
    if (current.length === 0) return;
    windows.push(windowOf(current));
    current = [];
    size = 0;
  };
  for (const [index, unit] of units.entries()) {
    if (current.length > 0 && size + unit.text.length + 2 > budget) {
      flush();
      const previous = units[index - 1];
      if (overlap && previous !== undefined && previous.text.length + unit.text.length + 2 <= budget) {
        current.push(previous);
        size = previous.text.length + 2;
      }
    }
    current.push(unit);
    size += unit.text.length + 2;
  }
  flush();
  if (windows.length === 0)
    windows.push({ text: "(the document has no text)", pages: new Set(), label: "no pages" });
  return windows;
}

function windowOf(units: readonly PageUnit[]): DocumentWindow {
  const first = units[0]!.label;
  const last = units[units.length - 1]!.label;
  return {
    text: units.map((unit) => unit.text).join("\n\n"),
    pages: new Set(units.flatMap((unit) => unit.pages)),
    label: first === last ? first : `${first} to ${last}`,
  };
}

/** Pieces of at most `limit` characters, cut at line breaks where possible. */
function splitOversized(content: string, limit: number): string[] {
  if (content.length <= limit) return [content];
  const pieces: string[] = [];
  let rest = content;
  while (rest.length > limit) {
    const cut = rest.lastIndexOf("\n", limit);
    const at = cut > limit / 2 ? cut : limit;
    pieces.push(rest.slice(0, at));
    rest = rest.slice(at).replace(/^\n/, "");
  }
  if (rest !== "") pieces.push(rest);
  return pieces;
}
