// The page cache serves a stored dashboard while its fingerprint is unchanged, so a table
// the page reads but the fingerprint does not cover would serve stale figures without a
// word. This follows the imports of the page's files (DASHBOARD_PAGE_FILES) through app/,
// components/ and lib/ (not into server actions, which run on a POST, not while rendering),
// finds every table read there (a Prisma delegate's find/count/aggregate, or FROM/JOIN in
// hand-written SQL), and checks each against the declaration in dashboard-reads.ts.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { dashboardFingerprintSql } from "./dashboard-fingerprint";
import { DASHBOARD_PAGE_FILES, DASHBOARD_READS } from "./dashboard-reads";

const root = path.resolve(__dirname, "../../..");
const READ = /\.(\w+)\.(?:findMany|findUnique|findUniqueOrThrow|findFirst|findFirstOrThrow|count|aggregate|groupBy)\(/g;
const SQL_TABLE = /\b(?:FROM|JOIN)\s+"(\w+)"/g;
const IMPORT = /(?:import|export)\s[^;]*?from\s+["']([^"']+)["']|import\(\s*["']([^"']+)["']\s*\)/g;

function resolveImport(from: string, spec: string): string | null {
  const base = spec.startsWith("@/")
    ? path.join(root, spec.slice(2))
    : spec.startsWith(".")
      ? path.resolve(path.dirname(from), spec)
      : null;
  if (!base || base.includes(`${path.sep}generated${path.sep}`)) return null;
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, path.join(base, "index.ts"), path.join(base, "index.tsx")]) {
    if (fs.existsSync(candidate) && fs.statSync(candidate).isFile()) return candidate;
  }
  return null;
}

const withoutComments = (text: string) => text.replace(/\/\*[\s\S]*?\*\//g, "").replace(/(^|[^:"'`])\/\/.*$/gm, "$1");

/** Every table read by the code `entries` import, with the files that read it. */
function tablesReadFrom(entries: readonly string[]): Map<string, Set<string>> {
  const tables = new Map<string, Set<string>>();
  const seen = new Set<string>();
  const pending = entries.map((file) => path.join(root, file));
  while (pending.length > 0) {
    const file = pending.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    const text = withoutComments(fs.readFileSync(file, "utf8"));
    if (/^\s*["']use server["']/.test(text)) continue;
    for (const match of text.matchAll(IMPORT)) {
      const next = resolveImport(file, (match[1] ?? match[2])!);
      if (next) pending.push(next);
    }
    const found = [
      ...[...text.matchAll(READ)].map((m) => m[1]!.charAt(0).toUpperCase() + m[1]!.slice(1)),
      ...[...text.matchAll(SQL_TABLE)].map((m) => m[1]!),
    ];
    for (const table of found) {
      if (!tables.has(table)) tables.set(table, new Set());
      tables.get(table)!.add(path.relative(root, file));
    }
  }
  return tables;
}

const migrations = () =>
  fs
    .readdirSync(path.join(root, "prisma/migrations"), { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => fs.readFileSync(path.join(root, "prisma/migrations", entry.name, "migration.sql"), "utf8"))
    .join("\n");

describe("what the dashboard reads and the page cache's fingerprint", () => {
  const read = tablesReadFrom(DASHBOARD_PAGE_FILES);

  it("finds the page's reads (the scan itself works)", () => {
    for (const table of ["Invoice", "Business", "Membership", "InvestmentGood", "Notification", "KorDeregistration"])
      expect(read.has(table), table).toBe(true);
  });

  it("declares every table the page's code reads", () => {
    const undeclared = [...read.entries()]
      .filter(([table]) => !DASHBOARD_READS[table])
      .map(([table, files]) => `${table} (read in ${[...files].join(", ")})`);
    expect(
      undeclared,
      "add each to DASHBOARD_READS in dashboard-reads.ts, and to the fingerprint's SQL unless a change of it raises booksVersion",
    ).toEqual([]);
  });

  it("covers every table declared as fingerprinted in the fingerprint's SQL", () => {
    const { text } = dashboardFingerprintSql("11111111-1111-4111-8111-111111111111", "22222222-2222-4222-8222-222222222222", {
      sessionId: "33333333-3333-4333-8333-333333333333",
      idleSeconds: 60,
    });
    const missing = Object.entries(DASHBOARD_READS)
      .filter(([table, coverage]) => coverage.by === "fingerprint" && !text.includes(`"${table}"`))
      .map(([table]) => table);
    expect(missing).toEqual([]);
  });

  it("has a books-version trigger on every table declared as covered by booksVersion", () => {
    const sql = migrations();
    const missing = Object.entries(DASHBOARD_READS)
      .filter(([table, coverage]) => coverage.by === "booksVersion" && !sql.includes(`CREATE TRIGGER "${table}_books_version`))
      .map(([table]) => table);
    expect(missing).toEqual([]);
  });

  it("declares no table the page no longer reads", () => {
    expect(Object.keys(DASHBOARD_READS).filter((table) => !read.has(table))).toEqual([]);
  });
});
