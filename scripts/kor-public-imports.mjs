// Codemod: outside lib/kor, import the rules engine only through its public entry
// (`@/lib/kor`, lib/kor/index.ts). Rewrites every `from "@/lib/kor/<module>"` (and
// `import("@/lib/kor/<module>")`) in the tracked .ts/.tsx files to `@/lib/kor`, merging a
// file's engine imports into one declaration. Only the module specifiers and the merged
// import lines change. lib/kor/test-helpers stays importable from tests: it is not the engine.
//
//   node scripts/kor-public-imports.mjs            rewrite, then list the changed files
//   node scripts/kor-public-imports.mjs --check    list the deep imports, exit 1 if any
//
// After a rewrite: `npx biome check --write <the listed files>` and `npx tsc --noEmit -p .`;
// a name tsc reports missing is added to lib/kor/index.ts. The guard that keeps it so is
// Biome's style/noRestrictedImports in biome.json (off inside lib/kor).

import { execFileSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import ts from "typescript";

const ENTRY = "@/lib/kor";
const DEEP = /^@\/lib\/kor\/(.+)$/;
const ALLOWED = new Set(["test-helpers"]);

/** The deep engine module a specifier names, or null. */
function deepModule(specifier) {
  const m = DEEP.exec(specifier);
  return m && !ALLOWED.has(m[1]) ? m[1] : null;
}

const files = execFileSync("git", ["ls-files", "*.ts", "*.tsx", "*.mts"], { encoding: "utf8" })
  .split("\n")
  .filter((f) => f && !f.startsWith("lib/kor/") && !f.startsWith("lib/platform/db/generated/"));

const check = process.argv.includes("--check");
const changed = [];
const found = [];

for (const file of files) {
  const text = readFileSync(file, "utf8");
  if (!text.includes("@/lib/kor")) continue;
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, file.endsWith("x") ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
  /** [start, end, replacement] edits, applied from the end. */
  const edits = [];
  const mergeable = [];
  const visit = (node) => {
    if (
      (ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) &&
      node.moduleSpecifier &&
      ts.isStringLiteral(node.moduleSpecifier)
    ) {
      const spec = node.moduleSpecifier.text;
      const deep = deepModule(spec);
      if (deep !== null) found.push(`${file}:${source.getLineAndCharacterOfPosition(node.getStart()).line + 1} ${spec}`);
      const clause = ts.isImportDeclaration(node) ? node.importClause : undefined;
      const named = clause && !clause.name && clause.namedBindings && ts.isNamedImports(clause.namedBindings);
      if ((deep !== null || spec === ENTRY) && ts.isImportDeclaration(node) && named) mergeable.push(node);
      else if (deep !== null) edits.push([node.moduleSpecifier.getStart() + 1, node.moduleSpecifier.getEnd() - 1, ENTRY]);
    }
    if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword) {
      const arg = node.arguments[0];
      if (arg && ts.isStringLiteral(arg) && deepModule(arg.text) !== null) {
        found.push(`${file}:${source.getLineAndCharacterOfPosition(node.getStart()).line + 1} ${arg.text}`);
        edits.push([arg.getStart() + 1, arg.getEnd() - 1, ENTRY]);
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  const deepMergeable = mergeable.filter((d) => deepModule(d.moduleSpecifier.text) !== null);
  if (deepMergeable.length > 0) {
    if (mergeable.length === 1) {
      const spec = mergeable[0].moduleSpecifier;
      edits.push([spec.getStart() + 1, spec.getEnd() - 1, ENTRY]);
    } else {
      // One declaration in place of the first; the names keep their order, type-only ones marked inline.
      const allTypeOnly = mergeable.every((d) => d.importClause.isTypeOnly);
      const names = [];
      for (const d of mergeable) {
        for (const el of d.importClause.namedBindings.elements) {
          const own = el.getText();
          const bare = own.replace(/^type\s+/, "");
          const typeOnly = !allTypeOnly && (d.importClause.isTypeOnly || el.isTypeOnly);
          const entry = allTypeOnly ? bare : typeOnly ? `type ${bare}` : bare;
          const twin = names.findIndex((n) => n.replace(/^type\s+/, "") === bare);
          if (twin < 0) names.push(entry);
          else if (!entry.startsWith("type ")) names[twin] = bare;
        }
      }
      const merged = `import ${allTypeOnly ? "type " : ""}{ ${names.join(", ")} } from "${ENTRY}";`;
      mergeable.forEach((d, i) => {
        let end = d.getEnd();
        if (i > 0 && text[end] === "\n") end += 1;
        edits.push([d.getStart(), end, i === 0 ? merged : ""]);
      });
    }
  }
  if (edits.length === 0 || check) continue;
  let out = text;
  for (const [start, end, replacement] of edits.sort((a, b) => b[0] - a[0])) out = out.slice(0, start) + replacement + out.slice(end);
  if (out !== text) {
    writeFileSync(file, out);
    changed.push(file);
  }
}

if (check) {
  for (const line of found) console.log(line);
  process.exit(found.length > 0 ? 1 : 0);
}
for (const file of changed) console.log(file);
