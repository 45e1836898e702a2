// One way to read a business's books: given a caller, a business and a year, the access
// check (an outsider gets NOT_FOUND, with the books version in the same query), one load of
// the engine input (lib/features/books/load-engine-input.ts), one engine evaluation with
// explanations (every year is in its output, so last year's line needs no second run), kept
// while the books are unchanged. The dashboard, the turnover API, the statement and the
// EU-KOR reports read through here; the queue's alert evaluation through
// readBooksInTransaction, the accountant overview through readManyBooks.
//
// The cache: the books version is raised by the database in the same transaction as every
// change of the business's invoices, KOR periods, deregistrations or facts, so an entry of
// an older version is never returned, on any instance, after any write anywhere. The
// member-state thresholds every input carries are reference data outside the books: their
// version (lib/features/eu-kor/thresholds-version.ts) is read in the access check's statement and
// is part of the entry's version, so an operator's change is seen at once too. What a
// reader shapes from the books (the dashboard's model, the API's answer) is kept with them
// (derived below) and goes when they go. Bounded, oldest out first.
import { requireBusinessAccessWithVersion, credentialReaches, type Caller } from "@/lib/features/businesses/access";
import { VersionedCache } from "@/lib/platform/cache/bounded-cache";
import type { Tx } from "@/lib/platform/db/client";
import { amsterdamToday } from "@/lib/platform/i18n/amsterdam-today";
import { AppError } from "@/lib/platform/errors";
import { thresholdsVersionSql } from "@/lib/features/eu-kor/thresholds-version";
import { evaluate, type EngineInput, type EngineOutput } from "@/lib/kor";
import { loadBooks } from "./load-engine-input";

/** A business's books on one day, evaluated. Treat as immutable: it is shared between requests. */
export type Books = {
  businessId: string;
  year: number;
  asOf: string;
  booksVersion: number;
  input: EngineInput;
  /** Evaluated with explanations. */
  output: EngineOutput;
};

/**
 * "Today" for a year: the real today inside the current year, 31 December for a past
 * year, and today for a future year (nothing has happened there yet).
 */
export function asOfForYear(year: number, today = amsterdamToday()): string {
  return year < Number(today.slice(0, 4)) ? `${year}-12-31` : today;
}

/** A year given by a caller: a whole year in 2000–2100, else VALIDATION_FAILED on the field "year". */
export function validYear(value: unknown): number {
  const year = Number(value);
  if (!Number.isInteger(year) || year < 2000 || year > 2100) {
    throw new AppError("VALIDATION_FAILED", "Invalid year", { fields: { year: "validation.year" } });
  }
  return year;
}

// Promises, so two readers asking at once (the dashboard and its KOR periods card) load
// and evaluate the books once; a failed load is dropped, not kept. An entry holds the
// input and the explained evaluation (about a megabyte at 2,000 invoices), hence 100.
const cache = new VersionedCache<Promise<Books>>(100);

/** The caller's view of a business's books in `year` (default: this year); NOT_FOUND to an outsider. */
export async function readBooks(options: { caller: Caller; businessId: string; year?: number }): Promise<Books> {
  const { caller, businessId } = options;
  const today = amsterdamToday();
  const year = validYear(options.year ?? Number(today.slice(0, 4)));
  const { booksVersion, alongside: thresholdsVersion } = await requireBusinessAccessWithVersion({
    caller,
    businessId,
    need: "read",
    alongside: thresholdsVersionSql,
  });
  const asOf = asOfForYear(year, today);
  const key = `${businessId}:${year}:${asOf}`;
  const version = `${booksVersion}:${thresholdsVersion}`;
  const hit = cache.get(key, version);
  if (hit) return hit;
  // Read after the access check, so at least at the version checked: never older.
  const work = loadBooks({ businessIds: [businessId], asOf }).then((loaded) => {
    const books = loaded.get(businessId);
    if (!books) throw new AppError("NOT_FOUND", "Business not found");
    return {
      businessId,
      year,
      asOf,
      booksVersion: books.booksVersion,
      input: books.input,
      output: evaluate(books.input, { explain: true }),
    };
  });
  cache.set(key, version, work);
  work.catch(() => cache.delete(key, work));
  return work;
}

/**
 * The books as a transaction sees them (the queue's alert evaluation, as the worker),
 * evaluated with explanations; null when the business does not exist. Not cached: a
 * transaction may see what others do not.
 */
export async function readBooksInTransaction(options: { tx: Tx; businessId: string; asOf: string }): Promise<Omit<Books, "year"> | null> {
  const { tx, businessId, asOf } = options;
  const books = (await loadBooks({ businessIds: [businessId], asOf, client: tx })).get(businessId);
  if (!books) return null;
  return { businessId, asOf, booksVersion: books.booksVersion, input: books.input, output: evaluate(books.input, { explain: true }) };
}

/**
 * Many businesses' books on `asOf` in one query (the accountant overview), evaluated
 * without explanations; only those the caller is a member of (checked in the same query)
 * and their credential reaches. Not cached here: the overview keeps its rows by version.
 */
export async function readManyBooks(options: {
  caller: Caller;
  businessIds: readonly string[];
  asOf: string;
}): Promise<Map<string, Omit<Books, "year">>> {
  const { caller, asOf } = options;
  const reachable = options.businessIds.filter((id) => credentialReaches(caller, id));
  const loaded = await loadBooks({ businessIds: reachable, asOf, memberId: caller.userId });
  return new Map(
    [...loaded.values()].map((books) => [
      books.businessId,
      { businessId: books.businessId, asOf, booksVersion: books.booksVersion, input: books.input, output: evaluate(books.input) },
    ]),
  );
}

// What readers shape from one Books, kept as long as it is (a WeakMap: no entry outlives it).
const shaped = new WeakMap<Books, Map<string, unknown>>();

/**
 * `shape(books)` once per Books and `name`: the dashboard's model or the API's answer is
 * made once per version of the books, however many requests ask. A failed shape is not kept.
 */
export function derived<T>(books: Books, name: string, shape: (books: Books) => T): T {
  let results = shaped.get(books);
  if (!results) shaped.set(books, (results = new Map()));
  if (results.has(name)) return results.get(name) as T;
  const value = shape(books);
  results.set(name, value);
  if (value instanceof Promise) value.catch(() => results.delete(name));
  return value;
}
