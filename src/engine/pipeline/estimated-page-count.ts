/**
 * Page count of a source whose pages are not what it costs (spreadsheets: a page is a sheet of any
 * size): Extend's "estimated page count based on content volume (~1000 tokens per page)", with a token
 * taken as 4 characters of the rendered content, so 4,000 characters make a page. At least 1.
 */
import type { Extend } from "extend-ai";

export const CHARACTERS_PER_TOKEN = 4;
export const TOKENS_PER_PAGE = 1000;

export function estimatedPageCount(output: Extend.ParseRunOutput): number {
  let characters = 0;
  for (const chunk of output.chunks) characters += chunk.content.length;
  return Math.max(1, Math.ceil(characters / (CHARACTERS_PER_TOKEN * TOKENS_PER_PAGE)));
}
