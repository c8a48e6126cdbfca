/**
 * Splits a PostgreSQL script into its top-level statements. pg-boss sends parameterless
 * multi-statement scripts (BEGIN … COMMIT blocks, schema DDL with plpgsql bodies) that a
 * single-statement `Queryable` cannot run whole, so the adapter runs them one statement at a time.
 */

/**
 * Returns the statements of `sql` without their terminating semicolons, trimmed, empty ones dropped.
 * Semicolons inside string literals ('…', E'…'), quoted identifiers ("…"), dollar-quoted bodies
 * ($$…$$, $tag$…$tag$) and comments (-- …, nested /* … *\/) do not split.
 */
export function splitSqlStatements(sql: string): string[] {
  const statements: string[] = [];
  let start = 0;
  let i = 0;
  while (i < sql.length) {
    const char = sql[i];
    const next = sql[i + 1];
    if (char === "'") {
      // E'…' strings allow backslash escapes; standard strings only double the quote.
      const escaped = i > 0 && /[eE]/.test(sql[i - 1] ?? "") && !/[\w$]/.test(sql[i - 2] ?? "");
      i = skipQuoted(sql, i, "'", escaped);
    } else if (char === '"') {
      i = skipQuoted(sql, i, '"', false);
    } else if (char === "-" && next === "-") {
      const end = sql.indexOf("\n", i);
      i = end === -1 ? sql.length : end + 1;
    } else if (char === "/" && next === "*") {
      i = skipBlockComment(sql, i);
    } else if (char === "$") {
      i = skipDollarQuoted(sql, i);
    } else if (char === ";") {
      pushStatement(statements, sql.slice(start, i));
      start = i + 1;
      i += 1;
    } else {
      i += 1;
    }
  }
  pushStatement(statements, sql.slice(start));
  return statements;
}

function pushStatement(statements: string[], text: string): void {
  const trimmed = text.trim();
  if (trimmed !== "" && !isOnlyComments(trimmed)) statements.push(trimmed);
}

function isOnlyComments(text: string): boolean {
  return (
    text
      .replace(/--[^\n]*(\n|$)/g, "")
      .replace(/\/\*[\s\S]*?\*\//g, "")
      .trim() === ""
  );
}

/** Index just past the closing quote; a doubled quote is an escaped quote, not the end. */
function skipQuoted(sql: string, open: number, quote: string, backslashEscapes: boolean): number {
  let i = open + 1;
  while (i < sql.length) {
    const char = sql[i];
    if (backslashEscapes && char === "\\") {
      i += 2;
    } else if (char === quote) {
      if (sql[i + 1] === quote) i += 2;
      else return i + 1;
    } else {
      i += 1;
    }
  }
  return sql.length;
}

/** PostgreSQL block comments nest, unlike C's. */
function skipBlockComment(sql: string, open: number): number {
  let depth = 0;
  let i = open;
  while (i < sql.length) {
    if (sql[i] === "/" && sql[i + 1] === "*") {
      depth += 1;
      i += 2;
    } else if (sql[i] === "*" && sql[i + 1] === "/") {
      depth -= 1;
      i += 2;
      if (depth === 0) return i;
    } else {
      i += 1;
    }
  }
  return sql.length;
}

/**
 * A `$` opens a dollar quote only as `$$` or `$tag$` (tag: identifier not starting with a digit) and
 * not inside an identifier; `$1` is a parameter and `a$b` an identifier, both passed over.
 */
function skipDollarQuoted(sql: string, open: number): number {
  if (open > 0 && /[\w$]/.test(sql[open - 1] ?? "")) return open + 1;
  const match = /^\$([A-Za-z_\u0080-\uffff][\w\u0080-\uffff]*)?\$/.exec(sql.slice(open, open + 64));
  if (match === null) return open + 1;
  const tag = match[0];
  const close = sql.indexOf(tag, open + tag.length);
  return close === -1 ? sql.length : close + tag.length;
}
