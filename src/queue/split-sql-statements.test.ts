/** Unit tests for splitSqlStatements: only top-level semicolons split a script. */
import assert from "node:assert/strict";
import { it } from "node:test";
import { getConstructionPlans } from "pg-boss";
import { splitSqlStatements } from "./split-sql-statements.ts";

it("splits on top-level semicolons and drops empty statements", () => {
  assert.deepEqual(splitSqlStatements(" BEGIN;\n select 1 ;; COMMIT;\n  "), ["BEGIN", "select 1", "COMMIT"]);
});

it("keeps semicolons inside strings, quoted identifiers and comments", () => {
  const sql = `select 'a;b', 'it''s;', E'\\';x', "odd;name" from t -- trailing; comment
    /* block; /* nested; */ still comment; */ where x = $1; select 2`;
  const statements = splitSqlStatements(sql);
  assert.equal(statements.length, 2);
  assert.match(statements[0] ?? "", /still comment; \*\/ where x = \$1$/);
  assert.equal(statements[1], "select 2");
});

it("keeps dollar-quoted bodies whole, whatever their tag", () => {
  const sql = `create function f() returns void as $$ begin perform 1; end; $$ language plpgsql;
    create function g() returns text as $body$ select 'x;' || $q$;$q$; $body$ language sql;
    select a$b, $1 from t`;
  const statements = splitSqlStatements(sql);
  assert.equal(statements.length, 3);
  assert.match(statements[0] ?? "", /end; \$\$ language plpgsql$/);
  assert.match(statements[1] ?? "", /\$body\$ language sql$/);
  assert.equal(statements[2], "select a$b, $1 from t");
});

it("drops a statement that is only a comment", () => {
  assert.deepEqual(splitSqlStatements("select 1; -- done\n"), ["select 1"]);
});

it("splits pg-boss's own install script into whole statements", () => {
  // Its plpgsql functions hold semicolons; a wrong split leaves a fragment that is not a statement.
  const statements = splitSqlStatements(getConstructionPlans("pgboss"));
  assert.equal(statements[0], "BEGIN");
  assert.equal(statements.at(-1), "COMMIT");
  for (const statement of statements.slice(1, -1)) {
    assert.match(
      statement,
      /^(SET|SELECT|CREATE|ALTER|INSERT|COMMENT|DO|GRANT|UPDATE)\b/i,
      statement.slice(0, 80),
    );
  }
});
