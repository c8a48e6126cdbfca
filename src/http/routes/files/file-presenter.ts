/** FileRecord → Extend's File / FileSummary wire objects (spec §3.1). */
import type { Extend } from "extend-ai";
import { fileSummaryOf } from "../../../services/files/file-summary.ts";
import type { FileRecord } from "../../../storage/repositories/file-repository.ts";

/** Upstream shape of a file in lists and inside runs. */
export const toFileSummary = fileSummaryOf;

export interface ContentFlags {
  readonly rawText: boolean;
  readonly markdown: boolean;
  readonly html: boolean;
}

export function toFile(
  file: FileRecord,
  presignedUrl: string | null,
  flags: ContentFlags | undefined,
): Extend.File_ {
  return {
    ...toFileSummary(file),
    presignedUrl,
    contents: flags === undefined ? null : selectContents(file.contents as Extend.FileContents | null, flags),
  };
}

/**
 * Upstream parity: `contents` is deprecated and only populated when the file was parsed before and
 * the matching query flags are set; otherwise null.
 */
function selectContents(
  contents: Extend.FileContents | null,
  flags: ContentFlags,
): Extend.FileContents | null {
  if (contents === null || (!flags.rawText && !flags.markdown && !flags.html)) return null;
  const selected: Extend.FileContents = {};
  if (flags.rawText && contents.rawText !== undefined) selected.rawText = contents.rawText;
  if (flags.rawText && contents.sheets !== undefined) selected.sheets = contents.sheets;
  if ((flags.markdown || flags.html) && contents.pages !== undefined) {
    selected.pages = contents.pages.map((page) => {
      const item: Extend.FileContentsPagesItem = { pageNumber: page.pageNumber };
      if (page.pageWidth !== undefined) item.pageWidth = page.pageWidth;
      if (page.pageHeight !== undefined) item.pageHeight = page.pageHeight;
      if (flags.markdown && page.markdown !== undefined) item.markdown = page.markdown;
      if (flags.html && page.html !== undefined) item.html = page.html;
      return item;
    });
  }
  if (flags.markdown && contents.sections !== undefined) selected.sections = contents.sections;
  return selected;
}
