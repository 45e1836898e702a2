// The command line (scripts/kor.ts) as integrators use it: every golden vector and own
// case through `tsx scripts/kor.ts evaluate <file>`, spawned concurrently, and every kind
// of invalid input exiting 2 with a message that names the field.

import { spawn } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { loadVectors, OWN_CASE_DIR, REPO_ROOT, VECTOR_DIR, type VectorFile } from "./test-helpers";
import { matchExpectation } from "./vector-match";

type RunResult = { code: number | null; stdout: string; stderr: string };

const TSX = path.join(REPO_ROOT, "node_modules/.bin/tsx");

function runCli(args: string[], stdin?: string): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(TSX, ["scripts/kor.ts", ...args], { cwd: REPO_ROOT, stdio: ["pipe", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(stdin ?? "");
  });
}

/** Runs jobs with at most `limit` processes at once: enough to keep both cores busy without thrashing. */
async function pool<T, R>(items: readonly T[], limit: number, job: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const workers = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await job(items[index]!);
    }
  });
  await Promise.all(workers);
  return results;
}

const vectors: VectorFile[] = [...loadVectors(VECTOR_DIR), ...loadVectors(OWN_CASE_DIR)];
const results = new Map<string, RunResult>();

describe("command line on every vector", () => {
  beforeAll(async () => {
    const runs = await pool(vectors, 4, (v) => runCli(["evaluate", v.file]));
    for (const [i, v] of vectors.entries()) results.set(v.file, runs[i]!);
  }, 240_000);

  it.each(vectors.map((v) => [v.vector.id, v] as const))("%s", (_id, v) => {
    const run = results.get(v.file)!;
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    expect(matchExpectation(v.vector.expect, JSON.parse(run.stdout))).toEqual([]);
  });
});

const dir = mkdtempSync(path.join(tmpdir(), "kor-cli-"));

function file(name: string, content: string): string {
  const p = path.join(dir, name);
  writeFileSync(p, content);
  return p;
}

const valid = {
  asOf: "2026-06-01",
  business: { establishedIn: "NL" },
  transactions: [
    { id: "a", date: "2026-01-10", netCents: 1000, category: "NL_STANDARD" },
    { id: "b", date: "2026-01-11", netCents: 1000, category: "NL_STANDARD" },
    { id: "c", date: "2026-01-12", netCents: 1000, category: "NL_STANDARD" },
    { id: "d", date: "2026-01-13", netCents: 1000, category: "NL_STANDARD" },
  ],
};

function withTx(index: number, patch: Record<string, unknown>, drop: string[] = []): string {
  const copy = structuredClone(valid) as { transactions: Record<string, unknown>[] };
  const t = { ...copy.transactions[index]!, ...patch };
  for (const key of drop) delete t[key];
  copy.transactions[index] = t;
  return JSON.stringify(copy);
}

const invalidCases: { name: string; content: string; expected: RegExp }[] = [
  { name: "malformed JSON", content: '{ "asOf": "2026-06-01", ', expected: /^input: malformed JSON/m },
  {
    name: "unknown category",
    content: withTx(2, { category: "NL_SUPER" }),
    expected: /^transactions\[2\]\.category: unknown category "NL_SUPER"/m,
  },
  {
    name: "missing country where required",
    content: withTx(1, { category: "EU_B2B_SERVICES" }),
    expected: /^transactions\[1\]\.country: required for category EU_B2B_SERVICES/m,
  },
  {
    name: "non-integer amount",
    content: withTx(0, { netCents: 12.5 }),
    expected: /^transactions\[0\]\.netCents: expected an integer number of cents/m,
  },
  {
    name: "amount as a string",
    content: withTx(0, { vatCents: "21" }),
    expected: /^transactions\[0\]\.vatCents: expected an integer number of cents/m,
  },
  { name: "impossible date", content: withTx(3, { date: "2026-02-30" }), expected: /^transactions\[3\]\.date: expected YYYY-MM-DD/m },
  {
    name: "date in another format",
    content: withTx(3, { date: "30-01-2026" }),
    expected: /^transactions\[3\]\.date: expected YYYY-MM-DD/m,
  },
  { name: "missing date", content: withTx(3, {}, ["date"]), expected: /^transactions\[3\]\.date: required/m },
  { name: "impossible asOf", content: JSON.stringify({ ...valid, asOf: "2026-13-01" }), expected: /^asOf: expected YYYY-MM-DD/m },
];

describe.concurrent("command line on invalid input", () => {
  it.each(invalidCases)(
    "$name exits 2 and names the field",
    async ({ name, content, expected }) => {
      const run = await runCli(["evaluate", file(`${name.replace(/\W+/g, "-")}.json`, content)]);
      expect(run.code).toBe(2);
      expect(run.stdout).toBe("");
      expect(run.stderr).toMatch(expected);
    },
    30_000,
  );

  it("reports every problem of a file at once", async () => {
    const copy = structuredClone(valid) as { transactions: Record<string, unknown>[] };
    copy.transactions[0]!.date = "2026-02-29";
    copy.transactions[2]!.category = "FOO";
    const run = await runCli(["evaluate", file("two-problems.json", JSON.stringify(copy))]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^transactions\[0\]\.date: /m);
    expect(run.stderr).toMatch(/^transactions\[2\]\.category: /m);
  }, 30_000);

  it("exits 2 on a file that does not exist", async () => {
    const run = await runCli(["evaluate", path.join(dir, "missing.json")]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/cannot read/);
  }, 30_000);
});

describe.concurrent("command line on standard input", () => {
  it("reads `-` and prints the EngineOutput", async () => {
    const run = await runCli(["evaluate", "-"], JSON.stringify(valid));
    expect(run.code).toBe(0);
    const output = JSON.parse(run.stdout) as { years: Record<string, { korTurnoverCents: number }> };
    expect(output.years["2026"]!.korTurnoverCents).toBe(4000);
  }, 30_000);

  it("reads a vector from `-` and uses its input", async () => {
    const vector = vectors.find((v) => v.vector.id === "kor-one-cent-over")!;
    const run = await runCli(["evaluate", "-"], JSON.stringify(vector.vector));
    expect(run.code).toBe(0);
    expect(matchExpectation(vector.vector.expect, JSON.parse(run.stdout))).toEqual([]);
  }, 30_000);

  it("exits 2 on malformed JSON from standard input", async () => {
    const run = await runCli(["evaluate", "-"], "not json");
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^input: malformed JSON/m);
  }, 30_000);
});
