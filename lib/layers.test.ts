// The layers point one way: the database layer knows nothing of sign-in (the app registers
// how a request's session becomes a database context, lib/platform/db/request-context.ts), and
// components know nothing of routes (server actions come from lib/, or as props). Read
// from the source: every import, static or dynamic, alias or relative, followed through
// the files it reaches, so a detour through a third module is caught as well.
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = path.resolve(import.meta.dirname, "..");
const EXTENSIONS = [".ts", ".tsx", "/index.ts", "/index.tsx"];

function sourceFiles(dir: string): string[] {
  return readdirSync(path.join(ROOT, dir)).flatMap((name) => {
    const relative = path.join(dir, name);
    if (statSync(path.join(ROOT, relative)).isDirectory()) return sourceFiles(relative);
    return /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) ? [relative] : [];
  });
}

// `import … from "x"`, `export … from "x"`, `import "x"`, `import("x")`; type-only imports
// vanish from the build and are left out.
const IMPORT = /(?:^|[;\s])(?:import|export)\s+(?!type\s)(?:[^'";]*?\sfrom\s+)?["']([^"']+)["']|import\(\s*["']([^"']+)["']\s*\)/g;

/** The repository files `file` imports (relative to the root); packages are left out. */
function importsOf(file: string): string[] {
  const text = readFileSync(path.join(ROOT, file), "utf8");
  const out: string[] = [];
  for (const match of text.matchAll(IMPORT)) {
    const specifier = match[1] ?? match[2]!;
    let base: string;
    if (specifier.startsWith("@/")) base = specifier.slice(2);
    else if (specifier.startsWith(".")) base = path.join(path.dirname(file), specifier);
    else continue;
    const found = ["", ...EXTENSIONS]
      .map((ext) => base + ext)
      .find((candidate) => existsSync(path.join(ROOT, candidate)) && statSync(path.join(ROOT, candidate)).isFile());
    if (found) out.push(path.normalize(found));
  }
  return out;
}

/** Every chain of imports from `files` into a file under `forbidden`, as "a → b → c". */
function pathsInto(files: readonly string[], forbidden: string): string[] {
  const seen = new Set<string>();
  const found: string[] = [];
  const queue = files.map((file) => [file]);
  while (queue.length > 0) {
    const chain = queue.shift()!;
    const file = chain.at(-1)!;
    if (seen.has(file)) continue;
    seen.add(file);
    for (const imported of importsOf(file)) {
      if (imported.startsWith(forbidden)) found.push([...chain, imported].join(" → "));
      else queue.push([...chain, imported]);
    }
  }
  return found;
}

describe("the layers", () => {
  it("reads imports as the build does (a check of the check)", () => {
    expect(importsOf("lib/platform/db/context-pool.ts")).toContain(path.normalize("lib/platform/db/db-context.ts"));
    expect(importsOf("lib/features/books/read-books.ts")).toEqual(
      expect.arrayContaining(["lib/platform/cache/bounded-cache.ts", "lib/features/books/load-engine-input.ts"]),
    );
  });

  it("the database layer imports nothing of lib/platform/auth, directly or through another module", () => {
    expect(pathsInto(sourceFiles("lib/platform/db"), "lib/platform/auth/")).toEqual([]);
  });

  it("components and lib import nothing of app/ (server actions live in lib/features/<feature>/actions.ts)", () => {
    expect(pathsInto(sourceFiles("components"), "app/")).toEqual([]);
    expect(pathsInto(sourceFiles("lib"), "app/")).toEqual([]);
  });
});
