/**
 * What sqld learns from parsing a statement before it runs it, worked out here from the SQL's
 * words, since the driver under this endpoint compiles only the first statement and tells
 * nothing of its parameters: how many statements the text holds, the first one's parameters,
 * and whether it is an INSERT (sqld reports a last insert rowid only then) or an INSERT, UPDATE
 * or DELETE (sqld reports rows affected only then: SQLite's change count is not reset by other
 * statements).
 */
export interface StatementShape {
  /** Statements in the text: sqld runs exactly one per `execute`. */
  count: number;
  /**
   * The first statement's parameters by SQLite's numbering (index 0 is `?1`): the name as
   * written (`:a`, `$a`, `?3`), or null for a bare `?`.
   */
  parameters: (string | null)[];
  /** INSERT or REPLACE, a leading WITH clause allowed. */
  isInsert: boolean;
  /** INSERT, REPLACE, UPDATE or DELETE, a leading WITH clause allowed. */
  isInsertUpdateDelete: boolean;
}

type Token = { word: string } | { symbol: string } | { parameter: string };

const verbs = new Set(["SELECT", "VALUES", "INSERT", "REPLACE", "UPDATE", "DELETE"]);

/** Words (upper-cased) and the symbols that matter, outside strings, quoted names and comments. */
function* tokens(sql: string): Generator<Token> {
  let i = 0;
  while (i < sql.length) {
    const c = sql[i] as string;
    if (/\s/.test(c)) i++;
    else if (sql.startsWith("--", i)) i = endOf(sql, "\n", i + 2);
    else if (sql.startsWith("/*", i)) i = endOf(sql, "*/", i + 2);
    else if (c === "'" || c === '"' || c === "`") i = endOf(sql, c, i + 1, true);
    else if (c === "[") i = endOf(sql, "]", i + 1);
    else if (c === "?" || ((c === ":" || c === "@" || c === "$") && /[A-Za-z0-9_]/.test(sql[i + 1] ?? ""))) {
      const parameter = /^(\?[0-9]*|[:@$][A-Za-z0-9_$]*)/.exec(sql.slice(i))?.[0] ?? c;
      yield { parameter };
      i += parameter.length;
    } else if (/[A-Za-z_]/.test(c)) {
      const word = /^[A-Za-z_][A-Za-z0-9_$]*/.exec(sql.slice(i))?.[0] ?? c;
      yield { word: word.toUpperCase() };
      i += word.length;
    } else {
      if (c === "(" || c === ")" || c === ";") yield { symbol: c };
      i++;
    }
  }
}

/** Index just past `close` from `from` (past a doubled quote, when `doubled`), or the end. */
function endOf(sql: string, close: string, from: number, doubled = false): number {
  let at = sql.indexOf(close, from);
  while (doubled && at >= 0 && sql.startsWith(close, at + 1)) at = sql.indexOf(close, at + 2);
  return at < 0 ? sql.length : at + close.length;
}

/**
 * Splits the tokens into statements at top-level semicolons. A trigger's body holds semicolons
 * of its own: from CREATE … TRIGGER … BEGIN, the statement runs to the END that closes the BEGIN
 * (an END that closes a CASE does not).
 */
function statements(sql: string): Token[][] {
  const found: Token[][] = [];
  let current: Token[] = [];
  let depth = 0;
  let inTriggerBody = false;
  let openCases = 0;
  for (const token of tokens(sql)) {
    if ("symbol" in token && token.symbol === ";" && depth === 0 && !inTriggerBody) {
      if (current.length > 0) found.push(current);
      current = [];
      continue;
    }
    current.push(token);
    if ("symbol" in token) depth += token.symbol === "(" ? 1 : token.symbol === ")" ? -1 : 0;
    if (!("word" in token)) continue;
    if (token.word === "BEGIN" && isTrigger(current)) inTriggerBody = true;
    else if (inTriggerBody && token.word === "CASE") openCases++;
    else if (inTriggerBody && token.word === "END") {
      if (openCases > 0) openCases--;
      else inTriggerBody = false;
    }
  }
  if (current.length > 0) found.push(current);
  return found;
}

const isTrigger = (statement: Token[]) =>
  "word" in (statement[0] ?? {}) &&
  (statement[0] as { word: string }).word === "CREATE" &&
  statement.some((t) => "word" in t && t.word === "TRIGGER");

/** The statement's verb: its first word, or after a WITH clause the first top-level verb. */
function verb(statement: Token[]): string | undefined {
  const first = statement[0];
  if (!first || !("word" in first)) return undefined;
  if (first.word !== "WITH") return first.word;
  let depth = 0;
  for (const token of statement.slice(1)) {
    if ("symbol" in token) depth += token.symbol === "(" ? 1 : token.symbol === ")" ? -1 : 0;
    else if ("word" in token && depth === 0 && verbs.has(token.word)) return token.word;
  }
  return undefined;
}

/** SQLite's numbering: `?` takes the next number, `?N` the number N, a name its first number. */
function parameters(statement: Token[]): (string | null)[] {
  const numbered: (string | null)[] = [];
  for (const token of statement) {
    if (!("parameter" in token)) continue;
    const name = token.parameter;
    if (name === "?") numbered.push(null);
    else if (name.startsWith("?")) {
      const index = Number(name.slice(1)) - 1;
      while (numbered.length <= index) numbered.push(null);
      numbered[index] ??= name;
    } else if (!numbered.includes(name)) numbered.push(name);
  }
  return numbered;
}

export function statementShape(sql: string): StatementShape {
  const found = statements(sql);
  const firstVerb = found[0] ? verb(found[0]) : undefined;
  const isInsert = firstVerb === "INSERT" || firstVerb === "REPLACE";
  return {
    count: found.length,
    parameters: found[0] ? parameters(found[0]) : [],
    isInsert,
    isInsertUpdateDelete: isInsert || firstVerb === "UPDATE" || firstVerb === "DELETE",
  };
}
