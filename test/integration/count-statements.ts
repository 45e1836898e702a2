// Counts the SQL statements sent to PostgreSQL, at the driver (pg.Client#query), while a
// piece of code runs: for tests that the number of statements does not grow with the number
// of rows or businesses, or that a cached read sends no second load. Call
// `countStatementsInThisFile()` once at the top of a test file.
import pg from "pg";
import { afterAll, beforeAll } from "vitest";

let recording: string[] | null = null;

function textOf(query: unknown): string {
  if (typeof query === "string") return query;
  if (query && typeof query === "object" && "text" in query && typeof query.text === "string") return query.text;
  return "";
}

export function countStatementsInThisFile(): void {
  const originalQuery = pg.Client.prototype.query;
  beforeAll(() => {
    pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
      recording?.push(textOf(args[0]));
      return (originalQuery as (...a: unknown[]) => unknown).apply(this, args);
    } as typeof pg.Client.prototype.query;
  });
  afterAll(() => {
    pg.Client.prototype.query = originalQuery;
  });
}

/** `run`'s result and the text of every statement it sent, in order. */
export async function counted<T>(run: () => Promise<T>): Promise<{ result: T; statements: string[] }> {
  const statements: string[] = [];
  recording = statements;
  try {
    return { result: await run(), statements };
  } finally {
    recording = null;
  }
}
