/**
 * After a parse: the file learns its page count (FileMetadata.pageCount, for PDFs and documents) and
 * its deprecated `contents` (raw text and per-page markdown) that GET /files/{id}?markdown=true returns.
 */
import type { Extend } from "extend-ai";
import { type FileRecord, updateFileParseResults } from "../../storage/repositories/file-repository.ts";
import type { ServiceContext } from "../context.ts";

export async function updateFileFromParse(
  ctx: ServiceContext,
  file: FileRecord,
  pageCount: number,
  output: Extend.ParseRunOutput | undefined,
): Promise<void> {
  const contents = output === undefined ? undefined : contentsOf(output);
  await updateFileParseResults(ctx.db, file.id, { pageCount, contents });
}

function contentsOf(output: Extend.ParseRunOutput): Extend.FileContents {
  const pages: Extend.FileContentsPagesItem[] = [];
  for (const chunk of output.chunks) {
    if (chunk.type !== "page") continue;
    const page = chunk.blocks.find((block) => block.metadata.page !== undefined)?.metadata.page;
    const item: Extend.FileContentsPagesItem = {
      pageNumber: chunk.metadata.pageRange?.start ?? pages.length + 1,
      markdown: chunk.content,
    };
    if (page?.width !== undefined) item.pageWidth = page.width;
    if (page?.height !== undefined) item.pageHeight = page.height;
    pages.push(item);
  }
  const rawText = output.chunks
    .map((chunk) => chunk.blocks.map((block) => block.content).join("\n"))
    .join("\n\n");
  return pages.length > 0 ? { rawText, pages } : { rawText };
}
