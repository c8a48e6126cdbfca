/**
 * The variables table of docs/CONFIGURATION.md, generated from CONFIG_VARIABLES so the two never drift
 * (config-docs.test.ts fails when they do; `node scripts/generate-config-docs.ts` rewrites the table).
 */
import { CONFIG_VARIABLES } from "./config.ts";

export const TABLE_START = "<!-- config-table:start -->";
export const TABLE_END = "<!-- config-table:end -->";

export function renderConfigTable(): string {
  const rows = Object.entries(CONFIG_VARIABLES).map(([name, [schema, meaning]]) => {
    const parsed = schema.safeParse(undefined);
    const value = parsed.success ? parsed.data : undefined;
    const shown =
      value === undefined
        ? "—"
        : Array.isArray(value)
          ? value.length === 0
            ? "(empty)"
            : value.join(",")
          : String(value);
    return `| \`${name}\` | ${shown === "—" ? shown : `\`${shown}\``} | ${meaning} |`;
  });
  return [TABLE_START, "| Variable | Default | Meaning |", "| --- | --- | --- |", ...rows, TABLE_END].join(
    "\n",
  );
}

export function replaceConfigTable(markdown: string): string {
  const start = markdown.indexOf(TABLE_START);
  const end = markdown.indexOf(TABLE_END);
  if (start === -1 || end === -1) throw new Error("docs/CONFIGURATION.md lacks the config-table markers");
  return markdown.slice(0, start) + renderConfigTable() + markdown.slice(end + TABLE_END.length);
}
