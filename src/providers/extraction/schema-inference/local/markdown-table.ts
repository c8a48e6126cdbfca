/**
 * A table block's markdown (`| a | b |` rows, `| --- |` separator) → rows of cell texts. HTML tables
 * (tables.targetFormat "html") are not read: the inferrer then sees no table in them.
 */

export function parseMarkdownTable(content: string): string[][] {
  const rows: string[][] = [];
  for (const raw of content.split("\n")) {
    const line = raw.trim();
    if (!line.startsWith("|")) continue;
    const cells = line
      .replace(/^\|/u, "")
      .replace(/\|$/u, "")
      .split(/(?<!\\)\|/u)
      .map((cell) =>
        cell
          .replace(/\\\|/gu, "|")
          .replace(/<br\s*\/?>/giu, " ")
          .replace(/\s+/gu, " ")
          .trim(),
      );
    if (cells.every((cell) => /^:?-{3,}:?$/u.test(cell))) continue;
    rows.push(cells);
  }
  return rows;
}
