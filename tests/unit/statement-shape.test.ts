import { describe, expect, it } from "vitest";
import { statementShape } from "../../scripts/lib/libsql-http/statement-shape.ts";

describe("the local libSQL endpoint's reading of a statement", () => {
  it("numbers parameters as SQLite does: ? takes the next number, ?N the number N, a repeated name its first", () => {
    expect(statementShape("SELECT ?2, ?, ?3").parameters).toEqual([null, "?2", "?3"]);
    expect(statementShape("SELECT ?3, ?1").parameters).toEqual(["?1", null, "?3"]);
    expect(statementShape("SELECT $b, :a, $b || ?1, @c").parameters).toEqual(["$b", ":a", "@c"]);
  });

  it("sees no statement, parameter or semicolon inside strings, quoted names and comments", () => {
    const shape = statementShape(`SELECT 'it''s; ?', "a;?" , [b;?], \`c;?\` -- ; ?\n /* ; :x */ FROM t;  `);
    expect([shape.count, shape.parameters]).toEqual([1, []]);
    expect(statementShape("SELECT 1; SELECT 2").count).toBe(2);
    expect(statementShape(" ; -- only a comment").count).toBe(0);
  });

  it("tells inserts and other writes from reads, past a WITH clause", () => {
    const kind = (sql: string) => {
      const { isInsert, isInsertUpdateDelete } = statementShape(sql);
      return isInsert ? "insert" : isInsertUpdateDelete ? "update or delete" : "other";
    };
    expect(kind("WITH x(a) AS (SELECT 1) INSERT INTO t SELECT a FROM x")).toBe("insert");
    expect(kind("replace into t values (1)")).toBe("insert");
    expect(kind("WITH RECURSIVE x AS (SELECT 1) DELETE FROM t WHERE a IN x")).toBe("update or delete");
    expect(kind("UPDATE t SET a = 1 RETURNING a")).toBe("update or delete");
    expect(kind("WITH x AS (SELECT 1) SELECT * FROM x")).toBe("other");
    expect(kind("EXPLAIN INSERT INTO t VALUES (1)")).toBe("other");
    expect(kind("CREATE TABLE t (a)")).toBe("other");
  });

  it("reads a trigger's body as part of one statement, an END that closes a CASE included", () => {
    const trigger =
      "CREATE TRIGGER tr AFTER INSERT ON t BEGIN UPDATE t SET a = CASE WHEN 1 THEN 2 END; DELETE FROM u; END";
    expect(statementShape(`${trigger};`).count).toBe(1);
    expect(statementShape(`${trigger}; SELECT 1`).count).toBe(2);
  });
});
